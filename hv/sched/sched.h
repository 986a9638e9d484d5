/* SPDX-License-Identifier: MIT */
/*
 * The scheduler: which vCPU runs on this physical CPU. Runnable vCPUs
 * share it in proportion to their domains' weights, in time slices; blocked ones wait for an event or
 * a timer; with nothing to run the CPU halts until an interrupt.
 */
#ifndef HV_SCHED_SCHED_H
#define HV_SCHED_SCHED_H

#include <hv/types.h>
#include <abi/domctl.h>

struct vcpu;

#define SCHED_SLICE_NS 10000000UL      /* 10 ms */
#define SCHED_DEFAULT_WEIGHT 256

/* The scheduler toolstacks see (sysctl sched_id) and whose weights apply. */
#define SCHED_ID XEN_SCHEDULER_CREDIT2

void sched_init(void);
/* Make v known to the scheduler (runnable unless offline). */
void sched_add_vcpu(struct vcpu *v);
void sched_remove_vcpu(struct vcpu *v);

/* An event became pending for v: wake it if it is blocked. */
void vcpu_kick(struct vcpu *v);
/* Port became pending: wake v if it polls for it. */
void vcpu_poll_wake(struct vcpu *v, unsigned int port);
/* Make v runnable (from blocked). */
void vcpu_wake(struct vcpu *v);
/* v has a context now: from offline to runnable. */
void vcpu_online(struct vcpu *v);
/* Stop waiting in SCHEDOP_poll (wake-up or teardown). */
void vcpu_stop_poll(struct vcpu *v);

/* The current vCPU gives up the CPU until it is woken. */
void vcpu_block_current(void);
/* Ask for a scheduling decision before the next return to a guest. */
void sched_yield_current(void);

/*
 * Called on every return to a guest: switch vCPUs if one is due. May
 * idle the CPU until something is runnable.
 */
void sched_maybe_switch(void);

#endif
