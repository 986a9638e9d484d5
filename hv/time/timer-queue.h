/* SPDX-License-Identifier: MIT */
/*
 * A min-heap of timers ordered by deadline. Portable: no locks, no
 * allocation (the caller gives the array), unit-tested on the host.
 */
#ifndef HV_TIME_TIMER_QUEUE_H
#define HV_TIME_TIMER_QUEUE_H

#include <stdbool.h>
#include <stdint.h>

struct timer {
    uint64_t expires;          /* system time, ns */
    void (*fn)(void *data);
    void *data;
    int heap_idx;              /* -1 when not queued */
};

struct timer_queue {
    struct timer **heap;
    unsigned int nr, size;
};

void timer_init(struct timer *t, void (*fn)(void *), void *data);
static inline bool timer_is_queued(const struct timer *t)
{
    return t->heap_idx >= 0;
}

/* Queue t (already queued: moved to its new deadline). False if full. */
bool timer_queue_add(struct timer_queue *q, struct timer *t);
/* Remove t if queued. */
void timer_queue_del(struct timer_queue *q, struct timer *t);
/* The earliest timer, or NULL. */
struct timer *timer_queue_first(const struct timer_queue *q);
/* Remove and return the earliest timer due at or before now, or NULL. */
struct timer *timer_queue_pop_due(struct timer_queue *q, uint64_t now);

#endif
