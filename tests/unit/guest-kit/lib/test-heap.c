/* SPDX-License-Identifier: MIT */
/*
 * Tests of guest-kit/lib/heap.c over pages from aligned_alloc: sizes and
 * alignment, no overlap, statistics back to zero, bad frees refused,
 * realloc, and a randomised run checked byte by byte.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "gk/heap.h"

static size_t pages_out;

static void *src_alloc(void *ctx, size_t nr)
{
    (void)ctx;
    if (pages_out + nr > 4096)
        return NULL;              /* a 16 MiB "machine" */
    pages_out += nr;
    return aligned_alloc(4096, nr * 4096);
}

static void src_free(void *ctx, void *p, size_t nr)
{
    (void)ctx;
    pages_out -= nr;
    memset(p, 0xDD, nr * 4096);   /* use after free shows up as garbage */
    free(p);
}

static const struct gk_heap_source source = { src_alloc, src_free, NULL };

static int setup(void **state)
{
    static struct gk_heap heap;

    gk_heap_init(&heap, &source);
    *state = &heap;
    return 0;
}

static int teardown(void **state)
{
    struct gk_heap *heap = *state;

    gk_heap_trim(heap);
    assert_int_equal(heap->stats.nr_pages, 0);
    assert_int_equal(pages_out, 0);
    return 0;
}

static void test_sizes_get_aligned_room_of_their_own(void **state)
{
    struct gk_heap *heap = *state;
    static const size_t sizes[] = { 1, 15, 16, 17, 100, 1008, 1009, 4032,
                                    4033, 20000 };
    void *p[10];

    for (size_t i = 0; i < 10; i++) {
        p[i] = gk_heap_alloc(heap, sizes[i]);
        assert_non_null(p[i]);
        assert_int_equal((uintptr_t)p[i] % 16, 0);
        assert_true(gk_heap_usable_size(heap, p[i]) >= sizes[i]);
        memset(p[i], (int)i, sizes[i]);
    }
    for (size_t i = 0; i < 10; i++) {
        for (size_t b = 0; b < sizes[i]; b++)
            assert_int_equal(((unsigned char *)p[i])[b], i);
        assert_int_equal(gk_heap_free(heap, p[i]), 0);
    }
    assert_int_equal(heap->stats.nr_objects, 0);
    assert_int_equal(heap->stats.bytes, 0);
}

static void test_zero_size_and_null_free(void **state)
{
    struct gk_heap *heap = *state;

    assert_null(gk_heap_alloc(heap, 0));
    assert_int_equal(gk_heap_free(heap, NULL), 0);
    assert_null(gk_heap_alloc(heap, SIZE_MAX - 10));
}

static void test_bad_and_double_frees_are_refused(void **state)
{
    struct gk_heap *heap = *state;
    char *small = gk_heap_alloc(heap, 40);
    char *other = gk_heap_alloc(heap, 40);
    char *large = gk_heap_alloc(heap, 10000);

    assert_int_equal(gk_heap_free(heap, small + 8), -1);     /* interior */
    assert_int_equal(gk_heap_free(heap, large + 16), -1);
    assert_int_equal(gk_heap_free(heap, small), 0);
    assert_int_equal(gk_heap_free(heap, small), -1);         /* twice */
    assert_int_equal(gk_heap_usable_size(heap, small), 0);
    assert_int_equal(heap->stats.nr_objects, 2);
    assert_int_equal(gk_heap_free(heap, other), 0);
    assert_int_equal(gk_heap_free(heap, large), 0);
}

/* Freeing the last object of a page keeps one page; trim gives it back. */
static void test_empty_pages_go_back_to_the_source(void **state)
{
    struct gk_heap *heap = *state;
    void *p[300];

    for (int i = 0; i < 300; i++)
        p[i] = gk_heap_alloc(heap, 16);
    assert_int_equal(heap->stats.nr_pages, 2);   /* 252 slots a page */
    for (int i = 0; i < 300; i++)
        gk_heap_free(heap, p[i]);
    assert_int_equal(heap->stats.nr_pages, 1);
    gk_heap_trim(heap);
    assert_int_equal(heap->stats.nr_pages, 0);
}

static void test_realloc_keeps_contents(void **state)
{
    struct gk_heap *heap = *state;
    char *p = gk_heap_realloc(heap, NULL, 10), *q;

    memcpy(p, "abcdefghi", 10);
    q = gk_heap_realloc(heap, p, 9);
    assert_ptr_equal(p, q);                       /* same class: in place */
    q = gk_heap_realloc(heap, p, 5000);
    assert_string_equal(q, "abcdefghi");
    p = gk_heap_realloc(heap, q, 3);
    assert_memory_equal(p, "abc", 3);
    assert_null(gk_heap_realloc(heap, p + 1, 8)); /* not an object */
    assert_null(gk_heap_realloc(heap, p, 0));
    assert_int_equal(heap->stats.nr_objects, 0);
}

static void test_out_of_pages_returns_null(void **state)
{
    struct gk_heap *heap = *state;
    void *big = gk_heap_alloc(heap, 4095 * 4096);

    assert_non_null(big);
    assert_null(gk_heap_alloc(heap, 3 * 4096));
    assert_int_equal(heap->stats.nr_objects, 1);
    gk_heap_free(heap, big);
}

/* Random mix: every live object keeps its own fill byte. */
static void test_random_mix_never_overlaps(void **state)
{
    struct gk_heap *heap = *state;
    struct { unsigned char *p; size_t n; unsigned char fill; } live[200];

    memset(live, 0, sizeof(live));
    srand(3);
    for (int step = 0; step < 20000; step++) {
        int i = rand() % 200;

        if (live[i].p) {
            for (size_t b = 0; b < live[i].n; b++)
                assert_int_equal(live[i].p[b], live[i].fill);
            assert_int_equal(gk_heap_free(heap, live[i].p), 0);
            live[i].p = NULL;
            continue;
        }
        live[i].n = (size_t)(rand() % 8 ? rand() % 1100 + 1
                                        : rand() % 20000 + 1);
        live[i].fill = (unsigned char)rand();
        live[i].p = gk_heap_alloc(heap, live[i].n);
        assert_non_null(live[i].p);
        memset(live[i].p, live[i].fill, live[i].n);
    }
    for (int i = 0; i < 200; i++)
        gk_heap_free(heap, live[i].p);
    assert_int_equal(heap->stats.nr_objects, 0);
    assert_int_equal(heap->stats.bytes, 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(
            test_sizes_get_aligned_room_of_their_own, setup, teardown),
        cmocka_unit_test_setup_teardown(test_zero_size_and_null_free, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(
            test_bad_and_double_frees_are_refused, setup, teardown),
        cmocka_unit_test_setup_teardown(
            test_empty_pages_go_back_to_the_source, setup, teardown),
        cmocka_unit_test_setup_teardown(test_realloc_keeps_contents, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(test_out_of_pages_returns_null, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(test_random_mix_never_overlaps, setup,
                                        teardown),
    };

    return cmocka_run_group_tests(tests, NULL, NULL);
}
