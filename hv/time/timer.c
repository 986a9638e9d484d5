/* SPDX-License-Identifier: MIT */
/*
 * Timer callbacks run with interrupts off, from the APIC interrupt; they
 * only mark work (pending VIRQs, wake-ups) and never block.
 */
#include "time/timer.h"
#include "arch/x86/apic.h"
#include "console/console.h"
#include "time/time.h"

#define MAX_TIMERS 1024
/* Don't program the APIC for less than this: the interrupt costs more. */
#define MIN_DELTA_NS 1000

static struct timer *heap[MAX_TIMERS];
static struct timer_queue queue = { heap, 0, MAX_TIMERS };

static void reprogram(void)
{
    struct timer *first = timer_queue_first(&queue);
    uint64_t now;

    if (!first) {
        apic_timer_oneshot(0);
        return;
    }
    now = time_now_ns();
    apic_timer_oneshot(first->expires > now + MIN_DELTA_NS
                           ? first->expires - now : MIN_DELTA_NS);
}

void set_timer(struct timer *t, uint64_t expires)
{
    t->expires = expires;
    if (!timer_queue_add(&queue, t))
        panic("timer queue full (%u timers)", MAX_TIMERS);
    if (timer_queue_first(&queue) == t)
        reprogram();
}

void stop_timer(struct timer *t)
{
    bool was_first = timer_queue_first(&queue) == t;

    timer_queue_del(&queue, t);
    if (was_first)
        reprogram();
}

void timer_interrupt(void)
{
    struct timer *t;

    while ((t = timer_queue_pop_due(&queue, time_now_ns())))
        t->fn(t->data);
    reprogram();
}

void timers_init(void)
{
    apic_init();
}
