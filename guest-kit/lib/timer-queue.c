/* SPDX-License-Identifier: MIT */
/*
 * The timer queue as a sorted list. Inserts search from the tail: new
 * deadlines are usually the latest, so the common case is O(1); kernels
 * built on guest-kit keep tens of timers, not thousands.
 */
#include "gk/timer-queue.h"

#include <stddef.h>

void gk_tq_init(struct gk_timer_queue *q)
{
    q->head.next = q->head.prev = &q->head;
    q->head.deadline = 0;
    q->nr = 0;
}

void gk_tq_entry_init(struct gk_tq_entry *e)
{
    e->next = e->prev = NULL;
    e->deadline = 0;
}

bool gk_tq_remove(struct gk_timer_queue *q, struct gk_tq_entry *e)
{
    if (!gk_tq_is_queued(e))
        return false;
    e->prev->next = e->next;
    e->next->prev = e->prev;
    e->next = e->prev = NULL;
    q->nr--;
    return true;
}

bool gk_tq_insert(struct gk_timer_queue *q, struct gk_tq_entry *e,
                  uint64_t deadline)
{
    struct gk_tq_entry *after = q->head.prev;

    gk_tq_remove(q, e);
    e->deadline = deadline;
    /* Stop at the last entry not later than e: equal deadlines stay FIFO. */
    while (after != &q->head && after->deadline > deadline)
        after = after->prev;
    e->prev = after;
    e->next = after->next;
    after->next->prev = e;
    after->next = e;
    q->nr++;
    return q->head.next == e;
}

struct gk_tq_entry *gk_tq_first(const struct gk_timer_queue *q)
{
    return q->head.next == &q->head ? NULL : q->head.next;
}

uint64_t gk_tq_next_deadline(const struct gk_timer_queue *q)
{
    const struct gk_tq_entry *e = gk_tq_first(q);

    return e ? e->deadline : UINT64_MAX;
}

struct gk_tq_entry *gk_tq_pop_expired(struct gk_timer_queue *q, uint64_t now)
{
    struct gk_tq_entry *e = gk_tq_first(q);

    if (!e || e->deadline > now)
        return NULL;
    gk_tq_remove(q, e);
    return e;
}
