/* SPDX-License-Identifier: MIT */
/*
 * TSC-to-nanosecond scaling in the form of vcpu_time_info: ns = ((delta
 * shifted by shift) * mul) >> 32. Portable; unit-tested on the host.
 */
#ifndef HV_TIME_TSC_SCALE_H
#define HV_TIME_TSC_SCALE_H

#include <stdint.h>

struct tsc_scale {
    uint32_t mul;
    int8_t shift;
};

/* The (mul, shift) pair for a counter of hz ticks per second (hz > 0). */
struct tsc_scale tsc_scale_from_hz(uint64_t hz);

/* Nanoseconds in delta ticks. */
uint64_t tsc_scale_delta(uint64_t delta, struct tsc_scale s);

#endif
