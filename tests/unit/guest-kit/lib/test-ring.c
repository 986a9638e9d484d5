/* SPDX-License-Identifier: MIT */
/* Tests of guest-kit/lib/ring.c: wrapping, full and empty, bad indices. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>

#include "gk/ring.h"

static void test_put_then_get_round_trips_across_the_wrap(void **state)
{
    char ring[16], out[16];
    uint32_t prod = UINT32_MAX - 5, cons = UINT32_MAX - 5;

    (void)state;
    /* Indices wrap through 2^32 as well as through the ring. */
    for (int round = 0; round < 10; round++) {
        assert_int_equal(gk_ring_put(ring, 16, prod, cons, "0123456789", 10),
                         10);
        prod += 10;
        assert_int_equal(gk_ring_used(prod, cons), 10);
        assert_int_equal(gk_ring_get(ring, 16, prod, cons, out, 16), 10);
        cons += 10;
        assert_memory_equal(out, "0123456789", 10);
    }
}

static void test_full_ring_takes_no_more(void **state)
{
    char ring[8], out[8];

    (void)state;
    assert_int_equal(gk_ring_put(ring, 8, 0, 0, "abcdefghijk", 11), 8);
    assert_int_equal(gk_ring_free(8, 8, 0), 0);
    assert_int_equal(gk_ring_put(ring, 8, 8, 0, "x", 1), 0);
    assert_int_equal(gk_ring_get(ring, 8, 8, 3, out, 8), 5);
    assert_memory_equal(out, "defgh", 5);
    assert_int_equal(gk_ring_get(ring, 8, 8, 8, out, 8), 0);
}

/* A peer claiming more than the ring holds gets nothing copied. */
static void test_insane_indices_copy_nothing(void **state)
{
    char ring[8], out[8];

    (void)state;
    assert_false(gk_ring_is_sane(8, 9, 0));
    assert_false(gk_ring_is_sane(8, 0, 1));        /* cons ahead of prod */
    assert_false(gk_ring_is_sane(12, 0, 0));       /* not a power of two */
    assert_false(gk_ring_is_sane(0, 0, 0));
    assert_int_equal(gk_ring_get(ring, 8, 100, 0, out, 8), 0);
    assert_int_equal(gk_ring_put(ring, 8, 0, 5, "ab", 2), 0);
    assert_int_equal(gk_ring_free(8, 0, 5), 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_put_then_get_round_trips_across_the_wrap),
        cmocka_unit_test(test_full_ring_takes_no_more),
        cmocka_unit_test(test_insane_indices_copy_nothing),
    };

    return cmocka_run_group_tests(tests, NULL, NULL);
}
