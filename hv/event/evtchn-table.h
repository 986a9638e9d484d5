/* SPDX-License-Identifier: MIT */
/*
 * One domain's event-channel ports and their state machine (closed,
 * unbound, interdomain, virq, ipi), with the checks and errnos of Xen
 * 4.17. Portable: no locks, no guest memory, no logging. Every function
 * returns a port or 0 on success and a negative ABI errno on failure,
 * with *why set to a reason for the caller's log line.
 *
 * Ports are valid in blocks of 64 (port 0, reserved, makes the first
 * block valid at creation): a block becomes valid when allocation first
 * reaches it and stays valid until the table dies, as on Xen, where a
 * port beyond the valid blocks is -EINVAL and a free one within them is
 * "closed".
 */
#ifndef HV_EVENT_EVTCHN_TABLE_H
#define HV_EVENT_EVTCHN_TABLE_H

#include <stdbool.h>
#include <stdint.h>

#include <abi/event-channel.h>
#include <abi/shared-info.h>

#define EVTCHN_BLOCK         64
#define EVTCHN_MAX_VCPUS     XEN_LEGACY_MAX_VCPUS
#define EVTCHN_MAX_PORT      (EVTCHN_2L_NR_CHANNELS - 1)
#define EVTCHN_DOMU_MAX_PORT 1023      /* xl's default max_event_channels */
/* Pirqs a domain may name; none is bound while hv has no physdev. */
#define EVTCHN_NR_PIRQS      256

enum evtchn_state {
    ECS_FREE,
    ECS_RESERVED,              /* port 0 */
    ECS_UNBOUND,
    ECS_INTERDOMAIN,
    ECS_PIRQ,
    ECS_VIRQ,
    ECS_IPI,
};

struct evtchn_table;

struct evtchn {
    struct evtchn_table *peer;     /* ECS_INTERDOMAIN: the other end */
    union {
        uint32_t peer_port;        /* ECS_INTERDOMAIN */
        uint32_t virq;             /* ECS_VIRQ */
        uint16_t remote_domid;     /* ECS_UNBOUND: who may bind to it */
    } u;
    uint8_t state;                 /* enum evtchn_state */
    uint8_t notify_vcpu;           /* whose selector and upcall it raises */
};

struct evtchn_table {
    void *owner;               /* the caller's domain; unused here */
    uint16_t domid;
    unsigned int nr_vcpus;
    unsigned int max_port;     /* highest port allocation may hand out */
    unsigned int nr_valid;     /* ports below this are valid */
    struct shared_info *shared;
    uint16_t virq_port[EVTCHN_MAX_VCPUS][NR_VIRQS];   /* 0 = unbound */
    struct evtchn port[EVTCHN_2L_NR_CHANNELS];
};

/* An event to raise: port of table t, on vCPU vcpu. */
struct evtchn_notify {
    struct evtchn_table *t;    /* NULL: nothing to raise */
    unsigned int port;
    unsigned int vcpu;
};

void evtchn_table_init(struct evtchn_table *t, uint16_t domid,
                       unsigned int nr_vcpus, unsigned int max_port,
                       struct shared_info *shared);

/* Allocation stops at max_port (at most 4095); bound ports stay. */
void evtchn_table_set_max_port(struct evtchn_table *t, unsigned int max);

/* Port exists (within the valid blocks), whatever its state. */
bool evtchn_is_valid(const struct evtchn_table *t, uint32_t port);
/* Port is valid and in use: neither free nor reserved. */
bool evtchn_is_bound(const struct evtchn_table *t, uint32_t port);
/* Some port is free for allocation. */
bool evtchn_has_free_port(const struct evtchn_table *t);
bool evtchn_virq_is_global(uint32_t virq);

/* A new port offering a binding to remote_domid. -ENOSPC. */
int evtchn_alloc_unbound(struct evtchn_table *t, uint16_t remote_domid,
                         const char **why);

/*
 * Connect a new port of lt to rport of rt, which must be unbound and
 * offered to lt's domain (lt == rt binds a domain to itself). The new port
 * is raised (*n), since events sent to the unbound port were dropped.
 * -ENOSPC no local port; -EINVAL rport invalid, not unbound or not ours.
 */
int evtchn_bind_interdomain(struct evtchn_table *lt, struct evtchn_table *rt,
                            uint32_t rport, struct evtchn_notify *n,
                            const char **why);

/*
 * -EINVAL virq unknown, or global with vcpu != 0; -ENOENT no such vCPU;
 * -EEXIST already bound there; -ENOSPC.
 */
int evtchn_bind_virq(struct evtchn_table *t, uint32_t virq, uint32_t vcpu,
                     const char **why);

/* -ENOENT no such vCPU; -ENOSPC. */
int evtchn_bind_ipi(struct evtchn_table *t, uint32_t vcpu, const char **why);

/*
 * Free port (its pending bit is cleared; the mask stays the guest's); an
 * interdomain peer returns to unbound, offered to us again. -EINVAL port
 * invalid, free or reserved.
 */
int evtchn_close(struct evtchn_table *t, uint32_t port, const char **why);

/*
 * What sending on port raises: the peer's port (interdomain), our own
 * (ipi), nothing (unbound: dropped). -EINVAL invalid, closed, virq, pirq.
 */
int evtchn_send(struct evtchn_table *t, uint32_t port,
                struct evtchn_notify *n, const char **why);

/*
 * Fill st->status, st->vcpu and the union member of the port's state,
 * leaving every other byte of *st as it was. -EINVAL port invalid.
 */
int evtchn_status(const struct evtchn_table *t, uint32_t port,
                  struct evtchn_status *st, const char **why);

/*
 * Notify vcpu from now on. -ENOENT no such vCPU; -EINVAL port invalid,
 * closed, ipi or per-vCPU virq.
 */
int evtchn_bind_vcpu(struct evtchn_table *t, uint32_t port, uint32_t vcpu,
                     const char **why);

/*
 * The vCPU an unmask of port delivers to. -EINVAL port invalid. Callers
 * unmask only ports in use (evtchn_is_bound), as Xen 4.17 does.
 */
int evtchn_unmask_target(const struct evtchn_table *t, uint32_t port,
                         const char **why);

/* -EINVAL pirq out of range; -EPERM otherwise (no pirq is ours). */
int evtchn_bind_pirq(struct evtchn_table *t, uint32_t pirq,
                     const char **why);

/* Close every port (peers go unbound). Valid blocks stay valid. */
void evtchn_reset(struct evtchn_table *t);

/* Port bound to virq on vcpu, 0 if none. */
unsigned int evtchn_virq_port(const struct evtchn_table *t, unsigned int vcpu,
                              unsigned int virq);

/* The vCPU a port notifies. */
unsigned int evtchn_notify_vcpu(const struct evtchn_table *t, uint32_t port);

#endif
