/* SPDX-License-Identifier: MIT */
/* Shared by hv/event/'s hv-side files: the lock and event delivery. */
#ifndef HV_EVENT_PRIVATE_H
#define HV_EVENT_PRIVATE_H

#include "event/evtchn-table.h"

struct domain;

/*
 * One lock over every domain's table: interdomain operations touch two
 * tables, and one lock makes their order trivially deadlock-free. hv runs
 * with interrupts off, so timer callbacks raising VIRQs cannot interrupt
 * a holder on the same CPU.
 */
void evtchn_lock(void);
void evtchn_unlock(void);

/* The domain's table, NULL if it has none (being torn down). */
struct evtchn_table *evtchn_table_of(struct domain *d);

/*
 * Raise n's port in its domain's shared_info, under the lock: a
 * concurrent close must not leave a pending bit on a freed port. The
 * returned token is handed to evtchn_after_unlock().
 */
struct evtchn_wake {
    struct domain *d;
    unsigned int port;
    unsigned int vcpu;
    unsigned int flags;        /* EVTCHN_2L_* */
};
struct evtchn_wake evtchn_raise(const struct evtchn_notify *n);

/* Unmask port of d's table (locked); the wake is for after the unlock. */
struct evtchn_wake evtchn_unmask(struct domain *d, unsigned int port,
                                 unsigned int vcpu);

/* Kick and wake pollers outside the lock (the scheduler has its own). */
void evtchn_after_unlock(const struct evtchn_wake *w);

#endif
