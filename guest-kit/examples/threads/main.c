/* SPDX-License-Identifier: MIT */
/*
 * `make run GUEST=threads`: a tour of threads and timers. A producer
 * and a consumer share a byte ring (gk/ring.h) and wake each other
 * through wait queues; a clock thread sleeps in 250 ms steps; a one-shot
 * timer re-arms itself every 100 ms from its callback (a periodic timer
 * built on one-shots). When everyone sleeps, the vCPU blocks in the
 * hypervisor. After two seconds it prints the numbers and powers off.
 */
#include <string.h>

#include "gk/console.h"
#include "gk/hv.h"
#include "gk/ring.h"
#include "gk/shutdown.h"
#include "gk/thread.h"
#include "gk/timer.h"

#define MS 1000000ULL
#define RING_SIZE 64

static char ring[RING_SIZE];
static uint32_t prod, cons;
static struct gk_waitq not_empty = GK_WAITQ_INIT, not_full = GK_WAITQ_INIT;
static volatile bool done;
static unsigned long bytes_moved;

static void producer(void *arg)
{
    static const char msg[] = "hello through the ring; ";

    (void)arg;
    while (!done) {
        size_t n;

        gk_wait_event(&not_full, gk_ring_free(RING_SIZE, prod, cons) > 0 ||
                                     done);
        n = gk_ring_put(ring, RING_SIZE, prod, cons, msg, sizeof(msg) - 1);
        prod += (uint32_t)n;
        gk_waitq_wake_one(&not_empty);
        gk_sleep(MS);
    }
    gk_waitq_wake_all(&not_empty);
}

static void consumer(void *arg)
{
    char buf[16];

    (void)arg;
    while (!done) {
        size_t n;

        gk_wait_event(&not_empty, gk_ring_used(prod, cons) > 0 || done);
        n = gk_ring_get(ring, RING_SIZE, prod, cons, buf, sizeof(buf));
        cons += (uint32_t)n;
        bytes_moved += n;
        gk_waitq_wake_one(&not_full);
    }
}

static void clock(void *arg)
{
    uint64_t start = *(uint64_t *)arg;

    for (int i = 1; i <= 8; i++) {
        gk_sleep_until(start + i * 250 * MS);
        gk_printf("  [%4lu ms] clock thread: %lu bytes through the ring\n",
                  (unsigned long)((gk_now() - start) / MS), bytes_moved);
    }
}

static unsigned int ticks;

/* A periodic timer is a one-shot that re-arms itself from its callback. */
static void tick(struct gk_timer *t, void *data)
{
    uint64_t *next = data;

    ticks++;
    *next += 100 * MS;
    gk_timer_set(t, *next);
}

int main(void)
{
    struct gk_thread *t[3];
    struct gk_sched_stats ss;
    struct gk_timer tick_timer;
    uint64_t start, next_tick;

    gk_printf("\nguest-kit threads and timers on %s\n\n", gk_hv_name());
    if (gk_sched_init()) {
        gk_printf("cannot start the scheduler\n");
        gk_shutdown(SHUTDOWN_crash);
    }
    start = gk_now();
    next_tick = start + 100 * MS;
    gk_timer_setup(&tick_timer, tick, &next_tick);
    gk_timer_set(&tick_timer, next_tick);

    t[0] = gk_thread_create("producer", producer, NULL, GK_THREAD_JOINABLE);
    t[1] = gk_thread_create("consumer", consumer, NULL, GK_THREAD_JOINABLE);
    t[2] = gk_thread_create("clock", clock, &start, GK_THREAD_JOINABLE);

    gk_sleep(2000 * MS);
    done = true;
    gk_waitq_wake_all(&not_empty);
    gk_waitq_wake_all(&not_full);
    for (int i = 0; i < 3; i++)
        gk_thread_join(t[i]);
    gk_timer_cancel(&tick_timer);

    gk_sched_get_stats(&ss);
    gk_printf("\n  %u ticks of the 100 ms timer, %lu bytes moved\n", ticks,
              bytes_moved);
    gk_printf("  %lu context switches; blocked in the hypervisor %lu times "
              "for %lu ms of %lu\n\n", ss.nr_switches, ss.nr_blocks,
              (unsigned long)(ss.idle_ns / MS),
              (unsigned long)((gk_now() - start) / MS));
    gk_shutdown(SHUTDOWN_poweroff);
}
