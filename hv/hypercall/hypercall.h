/* SPDX-License-Identifier: MIT */
/*
 * Hypercall entry points. Arguments arrive in rdi, rsi, rdx, r10, r8; each
 * handler returns 0/positive or a negative ABI errno, which lands in rax.
 */
#ifndef HV_HYPERCALL_HYPERCALL_H
#define HV_HYPERCALL_HYPERCALL_H

#include <hv/types.h>
#include "arch/x86/regs.h"

struct vcpu;

typedef long (*hypercall_fn)(struct vcpu *v, uint64_t a1, uint64_t a2,
                             uint64_t a3, uint64_t a4, uint64_t a5);

#define NR_HYPERCALLS 64

/* Run hypercall nr for v; -ENOSYS if there is no such hypercall. */
long hypercall_call(struct vcpu *v, uint64_t nr, const uint64_t args[5]);

/* The guest frame of the running vCPU (iret rewrites it). */
struct hv_regs *guest_regs(void);

long hc_set_trap_table(struct vcpu *v, uint64_t, uint64_t, uint64_t, uint64_t, uint64_t);
long hc_set_gdt(struct vcpu *v, uint64_t, uint64_t, uint64_t, uint64_t, uint64_t);
long hc_stack_switch(struct vcpu *v, uint64_t, uint64_t, uint64_t, uint64_t, uint64_t);
long hc_set_callbacks(struct vcpu *v, uint64_t, uint64_t, uint64_t, uint64_t, uint64_t);
long hc_fpu_taskswitch(struct vcpu *v, uint64_t, uint64_t, uint64_t, uint64_t, uint64_t);
long hc_sched_op_compat(struct vcpu *v, uint64_t, uint64_t, uint64_t, uint64_t, uint64_t);
long hc_update_descriptor(struct vcpu *v, uint64_t, uint64_t, uint64_t, uint64_t, uint64_t);
long hc_memory_op(struct vcpu *v, uint64_t, uint64_t, uint64_t, uint64_t, uint64_t);
long hc_multicall(struct vcpu *v, uint64_t, uint64_t, uint64_t, uint64_t, uint64_t);
long hc_update_va_mapping(struct vcpu *v, uint64_t, uint64_t, uint64_t, uint64_t, uint64_t);
long hc_set_timer_op(struct vcpu *v, uint64_t, uint64_t, uint64_t, uint64_t, uint64_t);
long hc_vcpu_op(struct vcpu *v, uint64_t, uint64_t, uint64_t, uint64_t, uint64_t);
long hc_domctl(struct vcpu *v, uint64_t, uint64_t, uint64_t, uint64_t, uint64_t);
long hc_sysctl(struct vcpu *v, uint64_t, uint64_t, uint64_t, uint64_t, uint64_t);
long hc_update_va_mapping_otherdomain(struct vcpu *v, uint64_t, uint64_t, uint64_t, uint64_t, uint64_t);
long hc_xen_version(struct vcpu *v, uint64_t, uint64_t, uint64_t, uint64_t, uint64_t);
long hc_console_io(struct vcpu *v, uint64_t, uint64_t, uint64_t, uint64_t, uint64_t);
long hc_vm_assist(struct vcpu *v, uint64_t, uint64_t, uint64_t, uint64_t, uint64_t);
long hc_iret(struct vcpu *v, uint64_t, uint64_t, uint64_t, uint64_t, uint64_t);
long hc_set_segment_base(struct vcpu *v, uint64_t, uint64_t, uint64_t, uint64_t, uint64_t);
long hc_sched_op(struct vcpu *v, uint64_t, uint64_t, uint64_t, uint64_t, uint64_t);
long hc_callback_op(struct vcpu *v, uint64_t, uint64_t, uint64_t, uint64_t, uint64_t);
long hc_mmu_update(struct vcpu *v, uint64_t, uint64_t, uint64_t, uint64_t, uint64_t);
long hc_mmuext_op(struct vcpu *v, uint64_t, uint64_t, uint64_t, uint64_t, uint64_t);
long hc_event_channel_op(struct vcpu *v, uint64_t, uint64_t, uint64_t, uint64_t, uint64_t);
long hc_grant_table_op(struct vcpu *v, uint64_t, uint64_t, uint64_t, uint64_t, uint64_t);
long hc_event_channel_op_compat(struct vcpu *v, uint64_t, uint64_t, uint64_t, uint64_t, uint64_t);

#endif
