/* SPDX-License-Identifier: MIT */
/*
 * Cooperative threads on one vCPU. A thread runs until it yields,
 * sleeps, waits or exits; event handlers and timer callbacks interrupt
 * it but never switch threads, they only make threads runnable. When no
 * thread can run, the scheduler arms the one-shot timer for the earliest
 * deadline and blocks the vCPU in the hypervisor (SCHEDOP_block), which
 * enables events and sleeps atomically. (The periodic tick would not
 * wake a blocked vCPU on hv or Xen: the one-shot timer is what does.)
 *
 * Each thread has its own stack in the VM area (gk/vm.h) with an
 * unmapped guard page below it, so an overflow faults instead of
 * corrupting memory.
 *
 * Threads switch with events masked; each thread starts with them
 * enabled. Nothing here may be called from an event handler except
 * gk_thread_wake and gk_waitq_wake_*.
 */
#ifndef GK_THREAD_H
#define GK_THREAD_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "gk/events.h"
#include "gk/timer.h"

/* Stack size of every thread but the first: 16 KiB. */
#define GK_THREAD_STACK_PAGES 4

/* gk_thread_create flag: the creator will gk_thread_join it. */
#define GK_THREAD_JOINABLE 1U

typedef void (*gk_thread_fn)(void *arg);

struct gk_thread;

/* Threads blocked until someone wakes them, in FIFO order. */
struct gk_waitq {
    struct gk_thread *head, *tail;
};

#define GK_WAITQ_INIT { NULL, NULL }

/*
 * Turn the caller (main, on the boot stack) into the first thread and
 * start the timers (gk_timer_init). Once; 0 or -errno.
 */
long gk_sched_init(void);

/* True once gk_sched_init has run. */
bool gk_sched_running(void);

/*
 * A new thread running fn(arg), runnable at once (it starts when the
 * creator next yields or blocks). name is copied (15 characters kept).
 * Without GK_THREAD_JOINABLE the thread is freed when it exits; with it,
 * the creator must gk_thread_join it. NULL if out of memory.
 */
struct gk_thread *gk_thread_create(const char *name, gk_thread_fn fn,
                                   void *arg, unsigned int flags);

/* The thread running now (NULL before gk_sched_init). */
struct gk_thread *gk_thread_self(void);

/* Its name. */
const char *gk_thread_name(const struct gk_thread *t);

/* Let every other runnable thread run once, then continue. */
void gk_thread_yield(void);

/* End the calling thread (returning from its function does the same). */
void gk_thread_exit(void) __attribute__((noreturn));

/* Wait for joinable thread t to exit, then free it. */
void gk_thread_join(struct gk_thread *t);

/* Make a thread blocked in sleep or wait runnable (no effect otherwise). */
void gk_thread_wake(struct gk_thread *t);

/* Sleep the calling thread until deadline (gk_sleep_until does this). */
void gk_thread_sleep_until(uint64_t deadline);

/* Start an empty wait queue. */
void gk_waitq_init(struct gk_waitq *wq);

/*
 * Block the calling thread on wq until woken. Call with events masked
 * (gk_local_irq_save), after checking the condition under that mask, so
 * a wake-up between check and wait cannot be lost:
 *
 *   unsigned int f = gk_local_irq_save();
 *   while (!ready)
 *       gk_waitq_wait(&wq);
 *   gk_local_irq_restore(f);
 *
 * gk_wait_event(&wq, ready) does exactly that.
 */
void gk_waitq_wait(struct gk_waitq *wq);

/* As gk_waitq_wait but gives up at deadline: false if it timed out. */
bool gk_waitq_wait_until(struct gk_waitq *wq, uint64_t deadline);

/* Wake the longest waiter (true if there was one), or all (how many). */
bool gk_waitq_wake_one(struct gk_waitq *wq);
unsigned int gk_waitq_wake_all(struct gk_waitq *wq);

/* Wait on wq until cond is true; cond is evaluated with events masked. */
#define gk_wait_event(wq, cond)                                             \
    do {                                                                    \
        unsigned int gk_we_flags_ = gk_local_irq_save();                    \
        while (!(cond))                                                     \
            gk_waitq_wait(wq);                                              \
        gk_local_irq_restore(gk_we_flags_);                                 \
    } while (0)

struct gk_sched_stats {
    unsigned int nr_threads;        /* alive, the first one included */
    unsigned long nr_switches;      /* context switches */
    unsigned long nr_blocks;        /* SCHEDOP_block calls when idle */
    uint64_t idle_ns;               /* time spent blocked in them */
};

void gk_sched_get_stats(struct gk_sched_stats *out);

#endif
