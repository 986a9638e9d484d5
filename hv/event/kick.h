/* SPDX-License-Identifier: MIT */
/*
 * What event channels need from the scheduler. These match
 * sched/sched.h; kick-weak.c stands in (doing nothing) until the
 * scheduler's definitions are linked in.
 */
#ifndef HV_EVENT_KICK_H
#define HV_EVENT_KICK_H

struct vcpu;

/* An upcall became pending for v: wake it if it is blocked. */
void vcpu_kick(struct vcpu *v);
/* Port became pending: wake v if it polls that port. */
void vcpu_poll_wake(struct vcpu *v, unsigned int port);

#endif
