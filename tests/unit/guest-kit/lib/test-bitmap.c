/* SPDX-License-Identifier: MIT */
/* Tests of guest-kit/lib/bitmap.c against a bit-at-a-time model. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "gk/bitmap.h"

#define BITS 300

static size_t model_next(const uint64_t *m, size_t size, size_t start,
                         int want)
{
    for (size_t i = start; i < size; i++)
        if (gk_bitmap_test(m, i) == want)
            return i;
    return size;
}

static void test_ranges_set_exactly_their_bits(void **state)
{
    static const size_t cases[][2] = {
        { 0, 1 }, { 0, 64 }, { 1, 63 }, { 63, 2 }, { 60, 130 }, { 128, 64 },
        { 5, 0 }, { 0, BITS }, { 299, 1 },
    };

    (void)state;
    for (size_t c = 0; c < sizeof(cases) / sizeof(cases[0]); c++) {
        uint64_t m[GK_BITMAP_WORDS(BITS)] = { 0 };

        gk_bitmap_set_range(m, cases[c][0], cases[c][1]);
        for (size_t i = 0; i < BITS; i++)
            assert_int_equal(gk_bitmap_test(m, i),
                             i >= cases[c][0] &&
                                 i < cases[c][0] + cases[c][1]);
        assert_int_equal(gk_bitmap_count(m, BITS), cases[c][1]);
        gk_bitmap_clear_range(m, cases[c][0], cases[c][1]);
        assert_int_equal(gk_bitmap_count(m, BITS), 0);
    }
}

static void test_next_set_and_zero_match_the_model(void **state)
{
    uint64_t m[GK_BITMAP_WORDS(BITS)];

    (void)state;
    srand(7);
    for (int round = 0; round < 200; round++) {
        memset(m, 0, sizeof(m));
        for (int k = rand() % 40; k > 0; k--)
            gk_bitmap_set(m, (size_t)(rand() % BITS));
        if (round % 3 == 0)
            for (size_t i = 0; i < BITS; i++)
                if (rand() % 4)
                    gk_bitmap_set(m, i);
        for (size_t s = 0; s <= BITS; s += 7) {
            assert_int_equal(gk_bitmap_next_set(m, BITS, s),
                             model_next(m, BITS, s, 1));
            assert_int_equal(gk_bitmap_next_zero(m, BITS, s),
                             model_next(m, BITS, s, 0));
        }
    }
}

/* Bits beyond size are ignored even when set in the last word. */
static void test_scans_stop_at_size(void **state)
{
    uint64_t m[2] = { ~0ULL, ~0ULL };

    (void)state;
    assert_int_equal(gk_bitmap_next_zero(m, 100, 0), 100);
    gk_bitmap_clear_range(m, 0, 100);
    assert_int_equal(gk_bitmap_next_set(m, 100, 0), 100);
    assert_int_equal(gk_bitmap_count(m, 100), 0);
    assert_int_equal(gk_bitmap_next_set(m, 100, 150), 100);
}

static void test_zero_area_finds_the_first_fitting_run(void **state)
{
    uint64_t m[GK_BITMAP_WORDS(BITS)] = { 0 };

    (void)state;
    gk_bitmap_set_range(m, 0, 10);
    gk_bitmap_set_range(m, 15, 50);    /* hole 10..14 (5 bits) */
    gk_bitmap_set_range(m, 100, 1);    /* hole 65..99 (35 bits) */
    assert_int_equal(gk_bitmap_find_zero_area(m, BITS, 0, 5), 10);
    assert_int_equal(gk_bitmap_find_zero_area(m, BITS, 0, 6), 65);
    assert_int_equal(gk_bitmap_find_zero_area(m, BITS, 11, 4), 11);
    assert_int_equal(gk_bitmap_find_zero_area(m, BITS, 0, 35), 65);
    assert_int_equal(gk_bitmap_find_zero_area(m, BITS, 0, 36), 101);
    assert_int_equal(gk_bitmap_find_zero_area(m, BITS, 0, 199), 101);
    assert_int_equal(gk_bitmap_find_zero_area(m, BITS, 0, 200), BITS);
    assert_int_equal(gk_bitmap_find_zero_area(m, BITS, 0, 0), BITS);
    assert_true(gk_bitmap_range_is_clear(m, 65, 35));
    assert_false(gk_bitmap_range_is_clear(m, 65, 36));
    assert_true(gk_bitmap_range_is_set(m, 15, 50));
    assert_false(gk_bitmap_range_is_set(m, 14, 2));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_ranges_set_exactly_their_bits),
        cmocka_unit_test(test_next_set_and_zero_match_the_model),
        cmocka_unit_test(test_scans_stop_at_size),
        cmocka_unit_test(test_zero_area_finds_the_first_fitting_run),
    };

    return cmocka_run_group_tests(tests, NULL, NULL);
}
