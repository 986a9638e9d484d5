/* SPDX-License-Identifier: MIT */
/*
 * Time for guest kernels, from the record hv (or Xen) keeps in vcpu_info:
 * monotonic nanoseconds since the hypervisor started, and the wall clock.
 */
#ifndef GK_TIME_H
#define GK_TIME_H

#include <stdint.h>

#include "abi/shared-info.h"

/* The TSC, as the time record counts it. */
static inline uint64_t gk_rdtsc(void)
{
    uint32_t lo, hi;

    __asm__ __volatile__("rdtsc" : "=a"(lo), "=d"(hi));
    return ((uint64_t)hi << 32) | lo;
}

/*
 * Copy a consistent snapshot of a time record (retrying while the
 * hypervisor is rewriting it: version odd or changed under us).
 */
void gk_time_snapshot(const volatile struct vcpu_time_info *src,
                      struct vcpu_time_info *out);

/* Nanoseconds the snapshot t says have passed at TSC value tsc. */
uint64_t gk_time_at(const struct vcpu_time_info *t, uint64_t tsc);

/* System time now (ns since the hypervisor started), from vCPU 0's record. */
uint64_t gk_system_time(void);

/* Wall clock now, in ns since 1970-01-01 UTC. */
uint64_t gk_wallclock_ns(void);

#endif
