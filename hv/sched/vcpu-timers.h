/* SPDX-License-Identifier: MIT */
/* VIRQ_TIMER: the periodic tick and the one-shot timer of each vCPU. */
#ifndef HV_SCHED_VCPU_TIMERS_H
#define HV_SCHED_VCPU_TIMERS_H

#include <hv/types.h>

struct vcpu;
struct domain;

/* PV guests get a 10 ms periodic VIRQ_TIMER until they stop it. */
#define DEFAULT_PERIOD_NS 10000000UL

void vcpu_timers_init(struct vcpu *v);
/* Start the periodic tick (period 0 stops it). */
void vcpu_set_periodic(struct vcpu *v, uint64_t period_ns);
/* The periodic tick follows the vCPU on and off the CPU. */
void vcpu_timers_schedule_in(struct vcpu *v);
void vcpu_timers_schedule_out(struct vcpu *v);
/* One-shot at absolute system time (0 cancels; the past means now). */
void vcpu_set_singleshot(struct vcpu *v, uint64_t deadline);

#endif
