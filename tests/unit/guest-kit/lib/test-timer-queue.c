/* SPDX-License-Identifier: MIT */
/* Tests of guest-kit/lib/timer-queue.c: order, FIFO ties, re-arming. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <cmocka.h>

#include "gk/timer-queue.h"

#define N 300

static void test_entries_leave_in_deadline_order(void **state)
{
    static struct gk_tq_entry e[N];
    struct gk_timer_queue q;
    struct gk_tq_entry *x;
    uint64_t last = 0;
    int n = 0;

    (void)state;
    gk_tq_init(&q);
    srand(5);
    for (int i = 0; i < N; i++) {
        gk_tq_entry_init(&e[i]);
        gk_tq_insert(&q, &e[i], (uint64_t)(rand() % 1000) + 1);
    }
    assert_int_equal(q.nr, N);
    while ((x = gk_tq_pop_expired(&q, UINT64_MAX))) {
        assert_true(x->deadline >= last);
        assert_false(gk_tq_is_queued(x));
        last = x->deadline;
        n++;
    }
    assert_int_equal(n, N);
    assert_int_equal(q.nr, 0);
    assert_int_equal(gk_tq_next_deadline(&q), UINT64_MAX);
}

static void test_equal_deadlines_are_fifo(void **state)
{
    struct gk_tq_entry e[4];
    struct gk_timer_queue q;

    (void)state;
    gk_tq_init(&q);
    for (int i = 0; i < 4; i++) {
        gk_tq_entry_init(&e[i]);
        gk_tq_insert(&q, &e[i], 50);
    }
    for (int i = 0; i < 4; i++)
        assert_ptr_equal(gk_tq_pop_expired(&q, 50), &e[i]);
}

static void test_insert_reports_a_new_head(void **state)
{
    struct gk_tq_entry a, b, c;
    struct gk_timer_queue q;

    (void)state;
    gk_tq_init(&q);
    gk_tq_entry_init(&a);
    gk_tq_entry_init(&b);
    gk_tq_entry_init(&c);
    assert_true(gk_tq_insert(&q, &a, 100));
    assert_false(gk_tq_insert(&q, &b, 200));
    assert_true(gk_tq_insert(&q, &c, 10));
    assert_int_equal(gk_tq_next_deadline(&q), 10);
    /* Re-arming moves the entry instead of queueing it twice. */
    assert_false(gk_tq_insert(&q, &c, 300));
    assert_int_equal(q.nr, 3);
    assert_ptr_equal(gk_tq_first(&q), &a);
}

static void test_only_expired_entries_pop(void **state)
{
    struct gk_tq_entry a, b;
    struct gk_timer_queue q;

    (void)state;
    gk_tq_init(&q);
    gk_tq_entry_init(&a);
    gk_tq_entry_init(&b);
    gk_tq_insert(&q, &a, 100);
    gk_tq_insert(&q, &b, 101);
    assert_null(gk_tq_pop_expired(&q, 99));
    assert_ptr_equal(gk_tq_pop_expired(&q, 100), &a);
    assert_null(gk_tq_pop_expired(&q, 100));
    assert_true(gk_tq_remove(&q, &b));
    assert_false(gk_tq_remove(&q, &b));
    assert_null(gk_tq_first(&q));
}

/* Removing from the middle keeps the rest linked and ordered. */
static void test_remove_from_the_middle(void **state)
{
    static struct gk_tq_entry e[N];
    struct gk_timer_queue q;
    struct gk_tq_entry *x;
    uint64_t last = 0;
    unsigned int n = 0;

    (void)state;
    gk_tq_init(&q);
    for (int i = 0; i < N; i++) {
        gk_tq_entry_init(&e[i]);
        gk_tq_insert(&q, &e[i], (uint64_t)((i * 37) % N));
    }
    for (int i = 0; i < N; i += 3)
        assert_true(gk_tq_remove(&q, &e[i]));
    while ((x = gk_tq_pop_expired(&q, N))) {
        assert_true(x->deadline >= last);
        assert_true((x - e) % 3 != 0);
        last = x->deadline;
        n++;
    }
    assert_int_equal(n, N - (N + 2) / 3);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_entries_leave_in_deadline_order),
        cmocka_unit_test(test_equal_deadlines_are_fifo),
        cmocka_unit_test(test_insert_reports_a_new_head),
        cmocka_unit_test(test_only_expired_entries_pop),
        cmocka_unit_test(test_remove_from_the_middle),
    };

    return cmocka_run_group_tests(tests, NULL, NULL);
}
