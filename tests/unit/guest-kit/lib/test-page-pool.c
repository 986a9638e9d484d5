/* SPDX-License-Identifier: MIT */
/* Tests of guest-kit/lib/page-pool.c: counts, runs, alignment, misuse. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <cmocka.h>

#include "gk/bitmap.h"
#include "gk/page-pool.h"

#define BASE 1000
#define SIZE 512

static uint64_t map[GK_BITMAP_WORDS(SIZE)];

static void fresh(struct gk_page_pool *p)
{
    gk_page_pool_init(p, map, BASE, SIZE);
}

static void test_new_pool_has_nothing_to_give(void **state)
{
    struct gk_page_pool p;

    (void)state;
    fresh(&p);
    assert_int_equal(p.nr_free, 0);
    assert_int_equal(gk_page_pool_alloc(&p, 1, 0), GK_PAGE_NONE);
}

static void test_add_clips_to_the_map_and_counts_once(void **state)
{
    struct gk_page_pool p;

    (void)state;
    fresh(&p);
    assert_int_equal(gk_page_pool_add(&p, BASE - 10, 20), 10);
    assert_int_equal(gk_page_pool_add(&p, BASE + 5, 10), 5);
    assert_int_equal(gk_page_pool_add(&p, BASE + SIZE - 2, 100), 2);
    assert_int_equal(gk_page_pool_add(&p, 0, 5), 0);
    assert_int_equal(p.nr_managed, 17);
    assert_int_equal(p.nr_free, 17);
    assert_true(gk_page_pool_is_free(&p, BASE + 14));
    assert_false(gk_page_pool_is_free(&p, BASE + 15));
}

static void test_alloc_hands_out_each_frame_once(void **state)
{
    struct gk_page_pool p;
    static int seen[SIZE];

    (void)state;
    fresh(&p);
    gk_page_pool_add(&p, BASE, SIZE);
    for (int i = 0; i < SIZE; i++) {
        uint64_t f = gk_page_pool_alloc(&p, 1, 0);

        assert_true(f >= BASE && f < BASE + SIZE);
        assert_int_equal(seen[f - BASE]++, 0);
    }
    assert_int_equal(gk_page_pool_alloc(&p, 1, 0), GK_PAGE_NONE);
    assert_int_equal(gk_page_pool_in_use(&p), SIZE);
    for (int i = 0; i < SIZE; i++)
        assert_true(gk_page_pool_free(&p, BASE + (uint64_t)i, 1));
    assert_int_equal(gk_page_pool_in_use(&p), 0);
}

static void test_runs_are_contiguous_and_aligned(void **state)
{
    struct gk_page_pool p;
    uint64_t a, b;

    (void)state;
    fresh(&p);
    gk_page_pool_add(&p, BASE + 1, SIZE - 1);
    a = gk_page_pool_alloc(&p, 16, 16);
    assert_int_equal(a % 16, 0);
    for (uint64_t f = a; f < a + 16; f++)
        assert_false(gk_page_pool_is_free(&p, f));
    b = gk_page_pool_alloc(&p, 3, 0);
    assert_true(b >= a + 16 || b + 3 <= a);
    assert_int_equal(gk_page_pool_alloc(&p, 4, 3), GK_PAGE_NONE);
    assert_int_equal(gk_page_pool_alloc(&p, SIZE, 0), GK_PAGE_NONE);
    assert_true(gk_page_pool_free(&p, a, 16));
    assert_true(gk_page_pool_free(&p, b, 3));
    assert_int_equal(p.nr_free, SIZE - 1);
}

/* next-fit wraps around to find runs below the hint. */
static void test_search_wraps_past_the_hint(void **state)
{
    struct gk_page_pool p;
    uint64_t a, b;

    (void)state;
    fresh(&p);
    gk_page_pool_add(&p, BASE, SIZE);
    a = gk_page_pool_alloc(&p, SIZE / 2, 0);
    b = gk_page_pool_alloc(&p, SIZE / 2, 0);
    assert_int_equal(a, BASE);
    assert_int_equal(b, BASE + SIZE / 2);
    assert_true(gk_page_pool_free(&p, a, 8));
    assert_int_equal(gk_page_pool_alloc(&p, 8, 0), BASE);
}

static void test_double_and_foreign_frees_are_refused(void **state)
{
    struct gk_page_pool p;
    uint64_t f;

    (void)state;
    fresh(&p);
    gk_page_pool_add(&p, BASE, 8);
    f = gk_page_pool_alloc(&p, 2, 0);
    assert_true(gk_page_pool_free(&p, f, 2));
    assert_false(gk_page_pool_free(&p, f, 1));
    assert_false(gk_page_pool_free(&p, BASE - 1, 1));
    assert_false(gk_page_pool_free(&p, BASE + SIZE - 1, 2));
    assert_false(gk_page_pool_free(&p, BASE, 0));
    assert_int_equal(p.nr_free, 8);
}

static void test_removed_frames_leave_the_counts(void **state)
{
    struct gk_page_pool p;
    uint64_t f;

    (void)state;
    fresh(&p);
    gk_page_pool_add(&p, BASE, 4);
    f = gk_page_pool_alloc(&p, 1, 0);
    assert_false(gk_page_pool_remove(&p, f + 1));    /* free: refused */
    assert_true(gk_page_pool_remove(&p, f));
    assert_int_equal(p.nr_managed, 3);
    assert_int_equal(gk_page_pool_in_use(&p), 0);
    assert_int_equal(gk_page_pool_add(&p, f, 1), 1);
    assert_int_equal(p.nr_free, 4);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_new_pool_has_nothing_to_give),
        cmocka_unit_test(test_add_clips_to_the_map_and_counts_once),
        cmocka_unit_test(test_alloc_hands_out_each_frame_once),
        cmocka_unit_test(test_runs_are_contiguous_and_aligned),
        cmocka_unit_test(test_search_wraps_past_the_hint),
        cmocka_unit_test(test_double_and_foreign_frees_are_refused),
        cmocka_unit_test(test_removed_frames_leave_the_counts),
    };

    return cmocka_run_group_tests(tests, NULL, NULL);
}
