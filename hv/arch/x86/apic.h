/* SPDX-License-Identifier: MIT */
/* The local APIC: hv's timer interrupt and its end-of-interrupt. */
#ifndef HV_ARCH_X86_APIC_H
#define HV_ARCH_X86_APIC_H

#include <hv/types.h>

#define APIC_TIMER_VECTOR    0xF0
#define APIC_SPURIOUS_VECTOR 0xFF

/* Map and enable this CPU's APIC, calibrate its timer against the TSC. */
void apic_init(void);
/* Interrupt once, ns from now (0 = stop). */
void apic_timer_oneshot(uint64_t ns);
void apic_eoi(void);

#endif
