/* SPDX-License-Identifier: MIT */
/*
 * A queue of deadlines, earliest first, for one-shot timers. Entries are
 * embedded in their owner (no allocation); equal deadlines leave in the
 * order they were queued. Plain C with no locks: gk/timer.h serialises
 * it and drives the hypervisor's one-shot timer from its head.
 */
#ifndef GK_TIMER_QUEUE_H
#define GK_TIMER_QUEUE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct gk_tq_entry {
    struct gk_tq_entry *next, *prev;  /* NULL while not queued */
    uint64_t deadline;
};

/* A sorted, circular list around a sentinel. */
struct gk_timer_queue {
    struct gk_tq_entry head;
    unsigned int nr;
};

/* Start an empty queue. */
void gk_tq_init(struct gk_timer_queue *q);

/* Mark an entry as not queued (call once before first use). */
void gk_tq_entry_init(struct gk_tq_entry *e);

/* True while e is in a queue. */
static inline bool gk_tq_is_queued(const struct gk_tq_entry *e)
{
    return e->next != NULL;
}

/*
 * Queue e at deadline, first taking it out if it is queued already.
 * Returns true if e is now the earliest entry (the caller re-arms).
 */
bool gk_tq_insert(struct gk_timer_queue *q, struct gk_tq_entry *e,
                  uint64_t deadline);

/* Take e out; true if it was queued. */
bool gk_tq_remove(struct gk_timer_queue *q, struct gk_tq_entry *e);

/* The earliest entry, or NULL. */
struct gk_tq_entry *gk_tq_first(const struct gk_timer_queue *q);

/* The earliest deadline, or UINT64_MAX if the queue is empty. */
uint64_t gk_tq_next_deadline(const struct gk_timer_queue *q);

/* Take out and return the earliest entry due at now, or NULL. */
struct gk_tq_entry *gk_tq_pop_expired(struct gk_timer_queue *q, uint64_t now);

#endif
