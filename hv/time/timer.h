/* SPDX-License-Identifier: MIT */
/* hv's timers: a per-CPU queue driven by the local APIC's one-shot timer. */
#ifndef HV_TIME_TIMER_H
#define HV_TIME_TIMER_H

#include "time/timer-queue.h"

/* Arm (or re-arm) t to fire at system time `expires` (ns). */
void set_timer(struct timer *t, uint64_t expires);
void stop_timer(struct timer *t);
/* The APIC timer fired: run every due timer, program the next one. */
void timer_interrupt(void);
void timers_init(void);

#endif
