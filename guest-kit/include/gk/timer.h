/* SPDX-License-Identifier: MIT */
/*
 * One-shot timers and sleeping. There is no timer device in a PV guest:
 * guest-kit stops the periodic 10 ms tick (the kernel is tickless), keeps
 * its timers in a queue (gk/timer-queue.h) and programs the hypervisor's
 * one-shot timer (set_timer_op) for the earliest deadline; VIRQ_TIMER then
 * runs the callbacks that are due.
 *
 * Times are absolute system time in ns (gk_now(), from gk/time.h).
 * Callbacks run with events masked, from the event upcall or from the
 * idle loop: they must not sleep or block, but may set timers and wake
 * threads.
 */
#ifndef GK_TIMER_H
#define GK_TIMER_H

#include <stdbool.h>
#include <stdint.h>

#include "gk/time.h"
#include "gk/timer-queue.h"

struct gk_timer;
typedef void (*gk_timer_fn)(struct gk_timer *t, void *data);

struct gk_timer {
    struct gk_tq_entry entry;
    gk_timer_fn fn;
    void *data;
};

/*
 * Bind VIRQ_TIMER, stop the periodic tick and enable event delivery
 * (gk_events_init is called if needed). Once; 0 or -errno.
 */
long gk_timer_init(void);

/* Prepare t to call fn(t, data); it is not pending. */
void gk_timer_setup(struct gk_timer *t, gk_timer_fn fn, void *data);

/* (Re)arm t for deadline (absolute ns); a past deadline fires at once. */
void gk_timer_set(struct gk_timer *t, uint64_t deadline);

/* Arm t for ns from now. */
void gk_timer_set_in(struct gk_timer *t, uint64_t ns);

/* Disarm t; true if it was pending (its callback then will not run). */
bool gk_timer_cancel(struct gk_timer *t);

/* True while t is armed and has not fired. */
bool gk_timer_is_pending(const struct gk_timer *t);

/* Monotonic system time in ns. */
static inline uint64_t gk_now(void)
{
    return gk_system_time();
}

/*
 * Run the callbacks that are due and re-program the one-shot timer. The
 * VIRQ handler does this; idle loops call it too. Call with events
 * masked.
 */
void gk_timer_run_expired(void);

/*
 * Sleep until deadline (or for ns). In a thread of gk/thread.h only that
 * thread sleeps; without threads the vCPU blocks in the hypervisor
 * (SCHEDOP_block) with the one-shot timer armed. Never returns early;
 * other events are handled meanwhile.
 */
void gk_sleep_until(uint64_t deadline);
void gk_sleep(uint64_t ns);

struct gk_timer_stats {
    unsigned long nr_fired;    /* callbacks run */
    unsigned long nr_virqs;    /* VIRQ_TIMER events taken */
    unsigned long nr_armed;    /* set_timer_op calls */
    unsigned int nr_pending;   /* timers queued now */
};

void gk_timer_get_stats(struct gk_timer_stats *out);

#endif
