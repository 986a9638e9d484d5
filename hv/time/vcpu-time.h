/* SPDX-License-Identifier: MIT */
/* What a guest reads about time: vcpu_time_info, the wall clock, runstate. */
#ifndef HV_TIME_VCPU_TIME_H
#define HV_TIME_VCPU_TIME_H

struct vcpu;
struct domain;

/* Rewrite v's vcpu_time_info (and its registered copy) for this CPU. */
void vcpu_time_publish(struct vcpu *v);
/* Write the wall clock at system time 0 into d's shared_info. */
void wallclock_publish(struct domain *d);
/* Copy v's runstate to its registered guest area, if any. */
void runstate_publish(struct vcpu *v);
/* Read the RTC once: the wall-clock base for every domain. */
void wallclock_init(void);

#endif
