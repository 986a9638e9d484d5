/* SPDX-License-Identifier: MIT */
/* Binary min-heap of timers: O(log n) add, delete and pop. */
#include "timer-queue.h"

void timer_init(struct timer *t, void (*fn)(void *), void *data)
{
    t->expires = 0;
    t->fn = fn;
    t->data = data;
    t->heap_idx = -1;
}

static void place(struct timer_queue *q, unsigned int i, struct timer *t)
{
    q->heap[i] = t;
    t->heap_idx = (int)i;
}

static void sift_up(struct timer_queue *q, unsigned int i)
{
    struct timer *t = q->heap[i];

    while (i) {
        unsigned int parent = (i - 1) / 2;

        if (q->heap[parent]->expires <= t->expires)
            break;
        place(q, i, q->heap[parent]);
        i = parent;
    }
    place(q, i, t);
}

static void sift_down(struct timer_queue *q, unsigned int i)
{
    struct timer *t = q->heap[i];

    for (;;) {
        unsigned int c = 2 * i + 1;

        if (c >= q->nr)
            break;
        if (c + 1 < q->nr && q->heap[c + 1]->expires < q->heap[c]->expires)
            c++;
        if (t->expires <= q->heap[c]->expires)
            break;
        place(q, i, q->heap[c]);
        i = c;
    }
    place(q, i, t);
}

void timer_queue_del(struct timer_queue *q, struct timer *t)
{
    unsigned int i;
    struct timer *last;

    if (t->heap_idx < 0)
        return;
    i = (unsigned int)t->heap_idx;
    t->heap_idx = -1;
    last = q->heap[--q->nr];
    if (i == q->nr)
        return;
    place(q, i, last);
    sift_up(q, i);
    sift_down(q, (unsigned int)last->heap_idx);
}

bool timer_queue_add(struct timer_queue *q, struct timer *t)
{
    timer_queue_del(q, t);
    if (q->nr == q->size)
        return false;
    place(q, q->nr++, t);
    sift_up(q, q->nr - 1);
    return true;
}

struct timer *timer_queue_first(const struct timer_queue *q)
{
    return q->nr ? q->heap[0] : 0;
}

struct timer *timer_queue_pop_due(struct timer_queue *q, uint64_t now)
{
    struct timer *t = timer_queue_first(q);

    if (!t || t->expires > now)
        return 0;
    timer_queue_del(q, t);
    return t;
}
