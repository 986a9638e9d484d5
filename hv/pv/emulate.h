/* SPDX-License-Identifier: MIT */
/* The little hv emulates for PV guests; everything else faults to them. */
#ifndef HV_PV_EMULATE_H
#define HV_PV_EMULATE_H

#include <hv/types.h>
#include "arch/x86/regs.h"

struct vcpu;

/*
 * `ud2; .ascii "xen"; cpuid` (bytes 0F 0B 78 65 6E 0F A2): run CPUID with
 * hv's filtered view. True if that is what faulted (rip then advanced).
 */
bool pv_emulate_forced_cpuid(struct vcpu *v, struct hv_regs *regs);

/* The guest's filtered CPUID view (also used by the emulation above). */
void pv_cpuid(const struct vcpu *v, uint32_t leaf, uint32_t sub,
              uint32_t res[4]);

/* Privileged instructions Xen emulates for PV; true if handled. */
bool pv_emulate_privileged(struct vcpu *v, struct hv_regs *regs);

#endif
