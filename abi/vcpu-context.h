/* SPDX-License-Identifier: MIT */
/*
 * vcpu_guest_context: a vCPU's whole state, as the toolstack sets it for a
 * new domain (XEN_DOMCTL_setvcpucontext) and reads it back.
 */
#ifndef HV_ABI_VCPU_CONTEXT_H
#define HV_ABI_VCPU_CONTEXT_H

#include <stdint.h>

#include "pv64.h"
#include "trap.h"

#define _VGCF_i387_valid               0
#define VGCF_i387_valid                (1U << _VGCF_i387_valid)
#define VGCF_I387_VALID                VGCF_i387_valid
#define _VGCF_in_kernel                2
#define VGCF_in_kernel                 (1U << _VGCF_in_kernel)
#define VGCF_IN_KERNEL                 VGCF_in_kernel
#define _VGCF_failsafe_disables_events 3
#define VGCF_failsafe_disables_events  (1U << _VGCF_failsafe_disables_events)
#define _VGCF_syscall_disables_events  4
#define VGCF_syscall_disables_events   (1U << _VGCF_syscall_disables_events)
#define _VGCF_online                   5
#define VGCF_online                    (1U << _VGCF_online)

struct vcpu_guest_context {
    struct { char x[512]; } fpu_ctxt;  /* FXSAVE image, if VGCF_i387_valid */
    uint64_t flags;                    /* VGCF_* */
    struct cpu_user_regs user_regs;
    struct trap_info trap_ctxt[256];   /* the virtual IDT */
    uint64_t ldt_base, ldt_ents;
    uint64_t gdt_frames[16], gdt_ents; /* MFNs, one per 512 entries */
    uint64_t kernel_ss, kernel_sp;     /* stack for bounces from user mode */
    uint64_t ctrlreg[8];               /* cr3 = kernel L4, ctrlreg[1] = user L4
                                          (both as xen_pfn_to_cr3) */
    uint64_t debugreg[8];
    uint64_t event_callback_eip;
    uint64_t failsafe_callback_eip;
    uint64_t syscall_callback_eip;
    uint64_t vm_assist;                /* VMASST_TYPE_* bits */
    uint64_t fs_base;
    uint64_t gs_base_kernel;
    uint64_t gs_base_user;
};

#endif
