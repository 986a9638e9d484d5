/* SPDX-License-Identifier: MIT */
/*
 * One-shot timers on the hypervisor's single one-shot timer: the queue's
 * earliest deadline is what set_timer_op holds; VIRQ_TIMER runs what is
 * due and arms the next. Events are masked around every queue change.
 */
#include "gk/timer.h"

#include <stddef.h>

#include "abi/event-channel.h"
#include "abi/sched.h"
#include "abi/vcpu.h"
#include "gk/events.h"
#include "gk/hypercall.h"

/* Callbacks run per pass at most: a timer re-arming itself in the past
 * must not keep the upcall from ever returning. */
#define MAX_PER_PASS 256

static struct gk_timer_queue queue;
static uint64_t armed;           /* deadline set_timer_op holds, 0 none */
static int ready;
static struct gk_timer_stats stats;

/*
 * gk/thread.h's sleep, when threads are linked in and running: true if
 * it put the current thread to sleep until deadline.
 */
bool gk_thread_sleep_hook(uint64_t deadline) __attribute__((weak));

/* Point the hypervisor's one-shot timer at the queue's head. */
static void program(void)
{
    uint64_t d = gk_tq_next_deadline(&queue);

    if (d == UINT64_MAX || d == armed)
        return;
    /* Deadline 0 would cancel the timer instead. */
    HYPERVISOR_set_timer_op(d ? d : 1);
    armed = d;
    stats.nr_armed++;
}

void gk_timer_run_expired(void)
{
    uint64_t now = gk_now();
    struct gk_tq_entry *e;

    for (int n = 0; n < MAX_PER_PASS; n++) {
        struct gk_timer *t;

        e = gk_tq_pop_expired(&queue, now);
        if (!e)
            break;
        t = (struct gk_timer *)((char *)e - offsetof(struct gk_timer, entry));
        stats.nr_fired++;
        t->fn(t, t->data);
    }
    program();
}

static void on_virq(evtchn_port_t port, void *data)
{
    (void)port;
    (void)data;
    stats.nr_virqs++;
    /* The one-shot is spent: re-arm even for an unchanged head. */
    armed = 0;
    gk_timer_run_expired();
}

long gk_timer_init(void)
{
    long rc, port;

    if (ready)
        return 0;
    gk_tq_init(&queue);
    rc = gk_events_init();
    if (rc)
        return rc;
    port = gk_evtchn_bind_virq(VIRQ_TIMER, 0);
    if (port < 0)
        return port;
    gk_evtchn_set_handler((evtchn_port_t)port, on_virq, NULL);
    rc = HYPERVISOR_vcpu_op(VCPUOP_stop_periodic_timer, 0, NULL);
    if (rc)
        return rc;
    ready = 1;
    gk_local_irq_enable();
    return 0;
}

void gk_timer_setup(struct gk_timer *t, gk_timer_fn fn, void *data)
{
    gk_tq_entry_init(&t->entry);
    t->fn = fn;
    t->data = data;
}

void gk_timer_set(struct gk_timer *t, uint64_t deadline)
{
    unsigned int flags;

    gk_timer_init();
    flags = gk_local_irq_save();
    gk_tq_insert(&queue, &t->entry, deadline);
    program();
    gk_local_irq_restore(flags);
}

void gk_timer_set_in(struct gk_timer *t, uint64_t ns)
{
    gk_timer_set(t, gk_now() + ns);
}

bool gk_timer_cancel(struct gk_timer *t)
{
    unsigned int flags = gk_local_irq_save();
    bool was = gk_tq_remove(&queue, &t->entry);

    /* The hypervisor may still fire for it: on_virq then finds nothing. */
    gk_local_irq_restore(flags);
    return was;
}

bool gk_timer_is_pending(const struct gk_timer *t)
{
    return gk_tq_is_queued(&t->entry);
}

static void nothing(struct gk_timer *t, void *data)
{
    (void)t;
    (void)data;
}

void gk_sleep_until(uint64_t deadline)
{
    struct gk_timer t;
    unsigned int flags;

    if (gk_thread_sleep_hook && gk_thread_sleep_hook(deadline))
        return;
    gk_timer_init();
    gk_timer_setup(&t, nothing, NULL);
    flags = gk_local_irq_save();
    while (gk_now() < deadline) {
        gk_tq_insert(&queue, &t.entry, deadline);
        program();
        /* Unmasks and sleeps atomically: no wake-up is lost. */
        HYPERVISOR_sched_op(SCHEDOP_block, NULL);
        gk_local_irq_disable();
    }
    gk_tq_remove(&queue, &t.entry);
    gk_local_irq_restore(flags);
}

void gk_sleep(uint64_t ns)
{
    gk_sleep_until(gk_now() + ns);
}

void gk_timer_get_stats(struct gk_timer_stats *out)
{
    unsigned int flags = gk_local_irq_save();

    *out = stats;
    out->nr_pending = ready ? queue.nr : 0;
    gk_local_irq_restore(flags);
}
