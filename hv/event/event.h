/* SPDX-License-Identifier: MIT */
/*
 * Event channels as the rest of hv sees them: per-domain setup, VIRQs
 * raised by hv itself, and the port queries SCHEDOP_poll needs.
 */
#ifndef HV_EVENT_EVENT_H
#define HV_EVENT_EVENT_H

#include <hv/types.h>

struct domain;
struct vcpu;

/*
 * Give d its port table, empty but for the reserved port 0. Needs
 * d->shared_info and d->nr_vcpus set. A privileged domain may allocate
 * up to port 4095, others up to 1023 until evtchn_set_max_port.
 * Returns 0 or -ENOMEM.
 */
int evtchn_domain_init(struct domain *d);

/* Close every port of d (peers go unbound) and free its table. */
void evtchn_domain_destroy(struct domain *d);

/* The toolstack's limit on d's ports (clamped to 4095). */
void evtchn_set_max_port(struct domain *d, unsigned int max_port);

/*
 * Raise virq: a per-vCPU one on v, a global one as bound on v's domain's
 * vCPU 0 (then delivered to the vCPU the port was moved to). A no-op if
 * nothing is bound. Safe with interrupts off, from timer callbacks.
 * Returns 0, or -EINVAL for a virq number out of range.
 */
int evtchn_send_virq(struct vcpu *v, unsigned int virq);

/*
 * For SCHEDOP_poll: a port d may poll is one in use (neither closed nor
 * reserved), as on Xen 4.17, where polling any other port is -EINVAL.
 */
bool evtchn_port_valid(struct domain *d, unsigned int port);

/* The port's pending bit, whatever its mask (polls ignore masks). */
bool evtchn_port_is_pending(struct domain *d, unsigned int port);

#endif
