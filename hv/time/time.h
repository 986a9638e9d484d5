/* SPDX-License-Identifier: MIT */
/* hv's clock: the TSC, calibrated at boot against the PIT. */
#ifndef HV_TIME_TIME_H
#define HV_TIME_TIME_H

#include <hv/types.h>
#include "time/tsc-scale.h"

/* Calibrate; system time 0 is the first call of time_init's caller. */
void time_init(void);
/* Nanoseconds since hv started. */
uint64_t time_now_ns(void);
uint64_t tsc_hz(void);
struct tsc_scale time_scale(void);
uint64_t time_boot_tsc(void);

#endif
