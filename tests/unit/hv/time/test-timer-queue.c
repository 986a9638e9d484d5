/* SPDX-License-Identifier: MIT */
/* Tests of hv/time/timer-queue.c: ordering, deletion, re-arming, limits. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <cmocka.h>

#include "hv/time/timer-queue.h"

#define N 256

static void nop(void *d)
{
    (void)d;
}

static void test_timers_pop_in_deadline_order(void **state)
{
    struct timer *heap[N], t[N];
    struct timer_queue q = { heap, 0, N };
    uint64_t last = 0;

    srand(1);
    for (int i = 0; i < N; i++) {
        timer_init(&t[i], nop, NULL);
        t[i].expires = (uint64_t)(rand() % 1000);
        assert_true(timer_queue_add(&q, &t[i]));
    }
    for (int i = 0; i < N; i++) {
        struct timer *x = timer_queue_pop_due(&q, UINT64_MAX);

        assert_non_null(x);
        assert_true(x->expires >= last);
        assert_false(timer_is_queued(x));
        last = x->expires;
    }
    assert_null(timer_queue_pop_due(&q, UINT64_MAX));
}

static void test_nothing_pops_before_its_deadline(void **state)
{
    struct timer *heap[4], a, b;
    struct timer_queue q = { heap, 0, 4 };

    timer_init(&a, nop, NULL);
    timer_init(&b, nop, NULL);
    a.expires = 100;
    b.expires = 50;
    timer_queue_add(&q, &a);
    timer_queue_add(&q, &b);
    assert_null(timer_queue_pop_due(&q, 49));
    assert_ptr_equal(timer_queue_pop_due(&q, 50), &b);
    assert_null(timer_queue_pop_due(&q, 99));
    assert_ptr_equal(timer_queue_pop_due(&q, 1000), &a);
}

static void test_rearming_moves_a_timer_and_delete_removes_it(void **state)
{
    struct timer *heap[N], t[N];
    struct timer_queue q = { heap, 0, N };

    for (int i = 0; i < N; i++) {
        timer_init(&t[i], nop, NULL);
        t[i].expires = (uint64_t)i * 10;
        timer_queue_add(&q, &t[i]);
    }
    /* Re-arm the earliest to the end; delete every third. */
    t[0].expires = 100000;
    timer_queue_add(&q, &t[0]);
    assert_int_equal(q.nr, N);
    for (int i = 3; i < N; i += 3)
        timer_queue_del(&q, &t[i]);
    timer_queue_del(&q, &t[3]);       /* deleting twice is harmless */
    for (uint64_t last = 0;;) {
        struct timer *x = timer_queue_pop_due(&q, UINT64_MAX);

        if (!x)
            break;
        assert_true(x->expires >= last);
        assert_true(x == &t[0] || (x - t) % 3 != 0);
        last = x->expires;
    }
}

static void test_full_queue_refuses(void **state)
{
    struct timer *heap[2], t[3];
    struct timer_queue q = { heap, 0, 2 };

    for (int i = 0; i < 3; i++)
        timer_init(&t[i], nop, NULL);
    assert_true(timer_queue_add(&q, &t[0]));
    assert_true(timer_queue_add(&q, &t[1]));
    assert_false(timer_queue_add(&q, &t[2]));
    assert_false(timer_is_queued(&t[2]));
    assert_true(timer_queue_add(&q, &t[1]));   /* re-arm fits */
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_timers_pop_in_deadline_order),
        cmocka_unit_test(test_nothing_pops_before_its_deadline),
        cmocka_unit_test(test_rearming_moves_a_timer_and_delete_removes_it),
        cmocka_unit_test(test_full_queue_refuses),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
