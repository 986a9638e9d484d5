/* SPDX-License-Identifier: MIT */
/*
 * event_channel_op (32) and event_channel_op_compat (16): ports, the
 * virtual interrupt lines of a PV guest, and the VIRQ numbers.
 */
#ifndef HV_ABI_EVENT_CHANNEL_H
#define HV_ABI_EVENT_CHANNEL_H

#include <stdint.h>

typedef uint32_t evtchn_port_t;

/* event_channel_op commands; each takes the struct named beside it. */
#define EVTCHNOP_bind_interdomain  0   /* struct evtchn_bind_interdomain */
#define EVTCHNOP_bind_virq         1   /* struct evtchn_bind_virq */
#define EVTCHNOP_bind_pirq         2   /* struct evtchn_bind_pirq */
#define EVTCHNOP_close             3   /* struct evtchn_close */
#define EVTCHNOP_send              4   /* struct evtchn_send */
#define EVTCHNOP_status            5   /* struct evtchn_status */
#define EVTCHNOP_alloc_unbound     6   /* struct evtchn_alloc_unbound */
#define EVTCHNOP_bind_ipi          7   /* struct evtchn_bind_ipi */
#define EVTCHNOP_bind_vcpu         8   /* struct evtchn_bind_vcpu */
#define EVTCHNOP_unmask            9   /* struct evtchn_unmask */
#define EVTCHNOP_reset            10   /* struct evtchn_reset */
#define EVTCHNOP_init_control     11   /* FIFO ABI */
#define EVTCHNOP_expand_array     12   /* FIFO ABI */
#define EVTCHNOP_set_priority     13   /* FIFO ABI */

/*
 * Virtual IRQs. Per-vCPU ones can be bound once on every vCPU; the others
 * are global (one binding per domain, made on vCPU 0).
 */
#define VIRQ_TIMER       0   /* per-vCPU: the vCPU's timer fired */
#define VIRQ_DEBUG       1   /* per-vCPU: dump debug state */
#define VIRQ_CONSOLE     2   /* global: console input */
#define VIRQ_DOM_EXC     3   /* global: a domain needs attention */
#define VIRQ_TBUF        4   /* global: trace buffer */
#define VIRQ_DEBUGGER    6   /* global: a domain paused for a debugger */
#define VIRQ_XENOPROF    7   /* per-vCPU: profiling sample */
#define VIRQ_CON_RING    8   /* global: hypervisor console ring grew */
#define VIRQ_PCPU_STATE  9   /* global: a physical CPU changed state */
#define VIRQ_MEM_EVENT  10   /* global: memory event */
#define VIRQ_ARGO       11   /* global in 4.17: Argo message */
#define VIRQ_ENOMEM     12   /* global: hypervisor heap low */
#define VIRQ_XENPMU     13   /* per-vCPU: performance counter */
#define VIRQ_ARCH_0     16   /* x86: machine check */
#define VIRQ_ARCH_1     17
#define VIRQ_ARCH_2     18
#define VIRQ_ARCH_3     19
#define VIRQ_ARCH_4     20
#define VIRQ_ARCH_5     21
#define VIRQ_ARCH_6     22
#define VIRQ_ARCH_7     23
#define NR_VIRQS        24

/* What EVTCHNOP_status reports a port as. */
#define EVTCHNSTAT_closed       0   /* free or reserved (port 0) */
#define EVTCHNSTAT_unbound      1   /* offered to u.unbound.dom */
#define EVTCHNSTAT_interdomain  2   /* connected to u.interdomain */
#define EVTCHNSTAT_pirq         3   /* physical IRQ u.pirq */
#define EVTCHNSTAT_virq         4   /* virtual IRQ u.virq */
#define EVTCHNSTAT_ipi          5   /* inter-vCPU notification */

/* 2-level ABI on x86_64: a 64 x 64 bitmap of ports. */
#define EVTCHN_2L_NR_CHANNELS 4096

#define BIND_PIRQ__WILL_SHARE 1

struct evtchn_alloc_unbound {
    uint16_t dom;              /* IN: where the port lives; DOMID_SELF */
    uint16_t remote_dom;       /* IN: who may bind to it; DOMID_SELF */
    evtchn_port_t port;        /* OUT */
};

struct evtchn_bind_interdomain {
    uint16_t remote_dom;       /* IN: DOMID_SELF allowed */
    evtchn_port_t remote_port; /* IN: an unbound port offered to us */
    evtchn_port_t local_port;  /* OUT */
};

struct evtchn_bind_virq {
    uint32_t virq;             /* IN: VIRQ_* */
    uint32_t vcpu;             /* IN: 0 for global VIRQs */
    evtchn_port_t port;        /* OUT */
};

struct evtchn_bind_pirq {
    uint32_t pirq;             /* IN */
    uint32_t flags;            /* IN: BIND_PIRQ__* */
    evtchn_port_t port;        /* OUT */
};

struct evtchn_bind_ipi {
    uint32_t vcpu;             /* IN: the vCPU notified */
    evtchn_port_t port;        /* OUT */
};

struct evtchn_close {
    evtchn_port_t port;        /* IN */
};

struct evtchn_send {
    evtchn_port_t port;        /* IN */
};

struct evtchn_status {
    uint16_t dom;              /* IN: DOMID_SELF or (privileged) any */
    evtchn_port_t port;        /* IN */
    uint32_t status;           /* OUT: EVTCHNSTAT_* */
    uint32_t vcpu;             /* OUT: the vCPU notified */
    union {
        struct {
            uint16_t dom;
        } unbound;             /* OUT: EVTCHNSTAT_unbound */
        struct {
            uint16_t dom;
            evtchn_port_t port;
        } interdomain;         /* OUT: EVTCHNSTAT_interdomain */
        uint32_t pirq;         /* OUT: EVTCHNSTAT_pirq */
        uint32_t virq;         /* OUT: EVTCHNSTAT_virq */
    } u;
};

struct evtchn_bind_vcpu {
    evtchn_port_t port;        /* IN */
    uint32_t vcpu;             /* IN: the vCPU to notify from now on */
};

struct evtchn_unmask {
    evtchn_port_t port;        /* IN */
};

struct evtchn_reset {
    uint16_t dom;              /* IN: DOMID_SELF or (privileged) any */
};

struct evtchn_init_control {
    uint64_t control_gfn;      /* IN */
    uint32_t offset;           /* IN */
    uint32_t vcpu;             /* IN */
    uint8_t link_bits;         /* OUT */
    uint8_t _pad[7];
};

struct evtchn_expand_array {
    uint64_t array_gfn;        /* IN */
};

struct evtchn_set_priority {
    evtchn_port_t port;        /* IN */
    uint32_t priority;         /* IN */
};

/* event_channel_op_compat (16) takes one pointer to this. */
struct evtchn_op {
    uint32_t cmd;              /* IN: EVTCHNOP_*, bind_interdomain..unmask */
    union {
        struct evtchn_alloc_unbound alloc_unbound;
        struct evtchn_bind_interdomain bind_interdomain;
        struct evtchn_bind_virq bind_virq;
        struct evtchn_bind_pirq bind_pirq;
        struct evtchn_bind_ipi bind_ipi;
        struct evtchn_close close;
        struct evtchn_send send;
        struct evtchn_status status;
        struct evtchn_bind_vcpu bind_vcpu;
        struct evtchn_unmask unmask;
    } u;
};

#endif
