/* SPDX-License-Identifier: MIT */
/* Tests of hv/time/tsc-scale.c against the PV time protocol's formula. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "hv/time/tsc-scale.h"

static void test_scale_converts_one_second_of_ticks(void **state)
{
    static const uint64_t freqs[] = { 1000000ULL, 999999999ULL,
                                      1000000000ULL, 1000000001ULL,
                                      2310973000ULL, 3999999999ULL,
                                      5000000000ULL, 123456789ULL };

    for (size_t i = 0; i < sizeof(freqs) / sizeof(freqs[0]); i++) {
        struct tsc_scale s = tsc_scale_from_hz(freqs[i]);
        uint64_t ns = tsc_scale_delta(freqs[i], s);

        /* Within 1 ppm of a second, never ahead of it by more. */
        assert_true(ns <= 1000000000ULL + 1000);
        assert_true(ns >= 1000000000ULL - 1000);
    }
}

static void test_scale_mul_fits_and_shift_is_small(void **state)
{
    for (uint64_t hz = 1000; hz < (1ULL << 40); hz = hz * 3 + 7) {
        struct tsc_scale s = tsc_scale_from_hz(hz);

        assert_true(s.mul >= (1U << 31));
        assert_true(s.shift > -32 && s.shift < 32);
    }
}

static void test_time_is_monotonic_in_ticks(void **state)
{
    struct tsc_scale s = tsc_scale_from_hz(2310973000ULL);
    uint64_t prev = 0;

    for (uint64_t d = 0; d < 100000000000ULL; d += 7919777) {
        uint64_t ns = tsc_scale_delta(d, s);

        assert_true(ns >= prev);
        prev = ns;
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_scale_converts_one_second_of_ticks),
        cmocka_unit_test(test_scale_mul_fits_and_shift_is_small),
        cmocka_unit_test(test_time_is_monotonic_in_ticks),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
