/* SPDX-License-Identifier: MIT */
/* Bring-up of one physical CPU: GDT, IDT, TSS, syscall MSRs, control regs. */
#ifndef HV_ARCH_X86_CPU_INIT_H
#define HV_ARCH_X86_CPU_INIT_H

#include <hv/types.h>

/*
 * Set up CPU cpu, running on its stack whose top holds struct cpu_info.
 * stack_base is that stack's lowest address (STACK_SIZE aligned).
 */
void cpu_init(unsigned int cpu, void *stack_base);

/* Install the GDT frames of the vCPU about to run on this CPU. */
struct vcpu;
void cpu_load_guest_gdt(unsigned int cpu, const struct vcpu *v);
/* Show v's LDT frames in this CPU's LDT window and load it (or none). */
void cpu_load_guest_ldt(unsigned int cpu, const struct vcpu *v);

#endif
