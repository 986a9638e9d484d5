/* SPDX-License-Identifier: MIT */
/*
 * The model-specific registers a PV kernel reads about its platform, as
 * Xen 4.17 answers them for dom0 (measured under the same QEMU): machine
 * check with two quiet banks, the APIC base, the TSC, AMD's HWCR.
 */
#ifndef HV_PV_MSR_PLATFORM_H
#define HV_PV_MSR_PLATFORM_H

#include <hv/types.h>

struct vcpu;

/* True (and *val set) if hv answers a read of msr; false means #GP. */
bool msr_platform_read(const struct vcpu *v, uint32_t msr, uint64_t *val);
/* True if a write of msr is accepted (and ignored); false means #GP. */
bool msr_platform_write(const struct vcpu *v, uint32_t msr, uint64_t val);

#endif
