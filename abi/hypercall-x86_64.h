/* SPDX-License-Identifier: MIT */
/*
 * Guest-side x86_64 hypercall wrappers, one static inline per hypercall,
 * all built on HYPERCALL_ENTER: the calling convention lives there only.
 * The includer provides `hypercall_page`, the page named by its
 * HYPERCALL_PAGE ELF note, and compiles with -mno-red-zone (the `call`
 * pushes below rsp).
 */
#ifndef HV_ABI_HYPERCALL_X86_64_H
#define HV_ABI_HYPERCALL_X86_64_H

#include "abi/hypercall.h"

#ifndef __ASSEMBLY__

#include <stdint.h>

/* Filled by the hypervisor at boot: stub nr at offset 32 * nr. */
extern uint8_t hypercall_page[HYPERCALL_PAGE_NR_STUBS *
                              HYPERCALL_PAGE_STUB_SIZE];

/*
 * Enter the hypervisor with insn, a string: "call *%[via]" (through the
 * page stub at target) or "syscall" (target unused). Register contract:
 *   in   rax = nr (a page stub loads its own), rdi rsi rdx r10 r8 = a1-a5
 *   out  rax = result: >= 0, or a negative XEN_E* errno
 *   lost rcx and r11 (`syscall` uses them) and the five argument
 *        registers (the hypervisor may rewrite them to continue a call;
 *        debug builds of Xen poison them); memory may have changed
 * Evaluates to the result as a long.
 */
#define HYPERCALL_ENTER(insn, target, nr, a1, a2, a3, a4, a5)               \
    ({                                                                      \
        /* Every operand first: a call here would clobber the registers. */ \
        const void *hc_via_ = (target);                                     \
        unsigned long hc_v_[6] = { (nr), (a1), (a2), (a3), (a4), (a5) };    \
        register unsigned long hc_rax_ __asm__("rax") = hc_v_[0];           \
        register unsigned long hc_rdi_ __asm__("rdi") = hc_v_[1];           \
        register unsigned long hc_rsi_ __asm__("rsi") = hc_v_[2];           \
        register unsigned long hc_rdx_ __asm__("rdx") = hc_v_[3];           \
        register unsigned long hc_r10_ __asm__("r10") = hc_v_[4];           \
        register unsigned long hc_r8_ __asm__("r8") = hc_v_[5];             \
                                                                            \
        __asm__ volatile(insn                                               \
                         : "+r"(hc_rax_), "+r"(hc_rdi_), "+r"(hc_rsi_),     \
                           "+r"(hc_rdx_), "+r"(hc_r10_), "+r"(hc_r8_)       \
                         : [via] "r"(hc_via_)                               \
                         : "rcx", "r11", "memory");                         \
        (long)hc_rax_;                                                      \
    })

/*
 * Call hypercall nr through its stub in the page with five arguments;
 * unused ones may be anything. Numbers past the page wrap to its stubs:
 * reach those with HYPERCALL_ENTER("syscall", ...).
 */
static inline long hypercall_via_page(unsigned int nr, unsigned long a1,
                                      unsigned long a2, unsigned long a3,
                                      unsigned long a4, unsigned long a5)
{
    const uint8_t *stub = hypercall_page + (nr % HYPERCALL_PAGE_NR_STUBS) *
                                               HYPERCALL_PAGE_STUB_SIZE;

    return HYPERCALL_ENTER("call *%[via]", stub, nr, a1, a2, a3, a4, a5);
}

/* set_trap_table (0): install a trap_info array ended by address 0. */
static inline long HYPERVISOR_set_trap_table(const void *traps)
{
    return hypercall_via_page(__HYPERVISOR_set_trap_table,
                              (unsigned long)traps, 0, 0, 0, 0);
}

/* mmu_update (1): checked page-table writes; *done gets the count run. */
static inline long HYPERVISOR_mmu_update(const void *reqs, unsigned int count,
                                         unsigned int *done, unsigned int dom)
{
    return hypercall_via_page(__HYPERVISOR_mmu_update, (unsigned long)reqs,
                              count, (unsigned long)done, dom, 0);
}

/* set_gdt (2): frames is an array of MFNs, entries the descriptor count. */
static inline long HYPERVISOR_set_gdt(const unsigned long *frames,
                                      unsigned int entries)
{
    return hypercall_via_page(__HYPERVISOR_set_gdt, (unsigned long)frames,
                              entries, 0, 0, 0);
}

/* stack_switch (3): the kernel stack used for bounces from user mode. */
static inline long HYPERVISOR_stack_switch(unsigned long ss, unsigned long sp)
{
    return hypercall_via_page(__HYPERVISOR_stack_switch, ss, sp, 0, 0, 0);
}

/* set_callbacks (4): event, failsafe and syscall entry points. */
static inline long HYPERVISOR_set_callbacks(unsigned long event,
                                            unsigned long failsafe,
                                            unsigned long syscall)
{
    return hypercall_via_page(__HYPERVISOR_set_callbacks, event, failsafe,
                              syscall, 0, 0);
}

/* fpu_taskswitch (5): set (1) or clear (0) the virtual CR0.TS. */
static inline long HYPERVISOR_fpu_taskswitch(int set)
{
    return hypercall_via_page(__HYPERVISOR_fpu_taskswitch,
                              (unsigned long)set, 0, 0, 0, 0);
}

/* sched_op_compat (6): SCHEDOP_* with the argument passed by value. */
static inline long HYPERVISOR_sched_op_compat(int cmd, unsigned long arg)
{
    return hypercall_via_page(__HYPERVISOR_sched_op_compat,
                              (unsigned long)cmd, arg, 0, 0, 0);
}

/* platform_op (7): a struct xen_platform_op (privileged). */
static inline long HYPERVISOR_platform_op(void *op)
{
    return hypercall_via_page(__HYPERVISOR_platform_op, (unsigned long)op, 0,
                              0, 0, 0);
}

/* set_debugreg (8): debug register reg := value. */
static inline long HYPERVISOR_set_debugreg(int reg, unsigned long value)
{
    return hypercall_via_page(__HYPERVISOR_set_debugreg, (unsigned long)reg,
                              value, 0, 0, 0);
}

/* get_debugreg (9): the value of debug register reg. */
static inline long HYPERVISOR_get_debugreg(int reg)
{
    return hypercall_via_page(__HYPERVISOR_get_debugreg, (unsigned long)reg,
                              0, 0, 0, 0);
}

/* update_descriptor (10): write one 8-byte descriptor at machine addr ma. */
static inline long HYPERVISOR_update_descriptor(uint64_t ma, uint64_t desc)
{
    return hypercall_via_page(__HYPERVISOR_update_descriptor, ma, desc, 0, 0,
                              0);
}

/* memory_op (12): cmd XENMEM_*, arg its structure (or NULL). */
static inline long HYPERVISOR_memory_op(unsigned int cmd, void *arg)
{
    return hypercall_via_page(__HYPERVISOR_memory_op, cmd,
                              (unsigned long)arg, 0, 0, 0);
}

/* multicall (13): run nr multicall_entry structures in order. */
static inline long HYPERVISOR_multicall(void *calls, unsigned int nr)
{
    return hypercall_via_page(__HYPERVISOR_multicall, (unsigned long)calls,
                              nr, 0, 0, 0);
}

/* update_va_mapping (14): rewrite the L1 entry for va; flags UVMF_*. */
static inline long HYPERVISOR_update_va_mapping(unsigned long va,
                                                uint64_t pte,
                                                unsigned long flags)
{
    return hypercall_via_page(__HYPERVISOR_update_va_mapping, va, pte, flags,
                              0, 0);
}

/* set_timer_op (15): one-shot timer at absolute system time ns; 0 stops. */
static inline long HYPERVISOR_set_timer_op(uint64_t timeout)
{
    return hypercall_via_page(__HYPERVISOR_set_timer_op, timeout, 0, 0, 0, 0);
}

/* event_channel_op_compat (16): one struct evtchn_op {cmd, union}. */
static inline long HYPERVISOR_event_channel_op_compat(void *op)
{
    return hypercall_via_page(__HYPERVISOR_event_channel_op_compat,
                              (unsigned long)op, 0, 0, 0, 0);
}

/* xen_version (17): cmd XENVER_*, arg its buffer. */
static inline long HYPERVISOR_xen_version(int cmd, void *arg)
{
    return hypercall_via_page(__HYPERVISOR_xen_version, (unsigned long)cmd,
                              (unsigned long)arg, 0, 0, 0);
}

/* console_io (18): CONSOLEIO_write/read count bytes at buf. */
static inline long HYPERVISOR_console_io(int cmd, int count, const char *buf)
{
    return hypercall_via_page(__HYPERVISOR_console_io, (unsigned long)cmd,
                              (unsigned long)count, (unsigned long)buf, 0, 0);
}

/* physdev_op_compat (19): one struct physdev_op {cmd, union}. */
static inline long HYPERVISOR_physdev_op_compat(void *op)
{
    return hypercall_via_page(__HYPERVISOR_physdev_op_compat,
                              (unsigned long)op, 0, 0, 0, 0);
}

/* grant_table_op (20): count GNTTABOP_cmd structures at uop. */
static inline long HYPERVISOR_grant_table_op(unsigned int cmd, void *uop,
                                             unsigned int count)
{
    return hypercall_via_page(__HYPERVISOR_grant_table_op, cmd,
                              (unsigned long)uop, count, 0, 0);
}

/* vm_assist (21): VMASST_CMD_enable/disable of VMASST_TYPE_*. */
static inline long HYPERVISOR_vm_assist(unsigned int cmd, unsigned int type)
{
    return hypercall_via_page(__HYPERVISOR_vm_assist, cmd, type, 0, 0, 0);
}

/* update_va_mapping_otherdomain (22): as 14, the frame owned by domid. */
static inline long HYPERVISOR_update_va_mapping_otherdomain(
    unsigned long va, uint64_t pte, unsigned long flags, unsigned int domid)
{
    return hypercall_via_page(__HYPERVISOR_update_va_mapping_otherdomain, va,
                              pte, flags, domid, 0);
}

/* iret (23) has no wrapper: it never returns; jump to its stub instead. */

/* vcpu_op (24): VCPUOP_* on vcpu with its argument structure. */
static inline long HYPERVISOR_vcpu_op(int cmd, unsigned int vcpu, void *arg)
{
    return hypercall_via_page(__HYPERVISOR_vcpu_op, (unsigned long)cmd, vcpu,
                              (unsigned long)arg, 0, 0);
}

/* set_segment_base (25): which = SEGBASE_*, base the new base or selector. */
static inline long HYPERVISOR_set_segment_base(int which, unsigned long base)
{
    return hypercall_via_page(__HYPERVISOR_set_segment_base,
                              (unsigned long)which, base, 0, 0, 0);
}

/* mmuext_op (26): extended MMU operations; *done gets the count run. */
static inline long HYPERVISOR_mmuext_op(const void *ops, unsigned int count,
                                        unsigned int *done, unsigned int dom)
{
    return hypercall_via_page(__HYPERVISOR_mmuext_op, (unsigned long)ops,
                              count, (unsigned long)done, dom, 0);
}

/* xsm_op (27): a security-module request. */
static inline long HYPERVISOR_xsm_op(void *op)
{
    return hypercall_via_page(__HYPERVISOR_xsm_op, (unsigned long)op, 0, 0, 0,
                              0);
}

/* nmi_op (28): XENNMI_register_callback / unregister_callback. */
static inline long HYPERVISOR_nmi_op(unsigned int cmd, void *arg)
{
    return hypercall_via_page(__HYPERVISOR_nmi_op, cmd, (unsigned long)arg, 0,
                              0, 0);
}

/* sched_op (29): SCHEDOP_* with its argument structure (or NULL). */
static inline long HYPERVISOR_sched_op(int cmd, void *arg)
{
    return hypercall_via_page(__HYPERVISOR_sched_op, (unsigned long)cmd,
                              (unsigned long)arg, 0, 0, 0);
}

/* callback_op (30): CALLBACKOP_register/unregister. */
static inline long HYPERVISOR_callback_op(int cmd, const void *arg)
{
    return hypercall_via_page(__HYPERVISOR_callback_op, (unsigned long)cmd,
                              (unsigned long)arg, 0, 0, 0);
}

/* xenoprof_op (31): profiling (present in 4.17, removed later). */
static inline long HYPERVISOR_xenoprof_op(int op, void *arg)
{
    return hypercall_via_page(__HYPERVISOR_xenoprof_op, (unsigned long)op,
                              (unsigned long)arg, 0, 0, 0);
}

/* event_channel_op (32): EVTCHNOP_* with its argument structure. */
static inline long HYPERVISOR_event_channel_op(int cmd, void *arg)
{
    return hypercall_via_page(__HYPERVISOR_event_channel_op,
                              (unsigned long)cmd, (unsigned long)arg, 0, 0, 0);
}

/* physdev_op (33): PHYSDEVOP_* with its argument structure. */
static inline long HYPERVISOR_physdev_op(int cmd, void *arg)
{
    return hypercall_via_page(__HYPERVISOR_physdev_op, (unsigned long)cmd,
                              (unsigned long)arg, 0, 0, 0);
}

/* hvm_op (34): HVMOP_* with its argument structure. */
static inline long HYPERVISOR_hvm_op(int op, void *arg)
{
    return hypercall_via_page(__HYPERVISOR_hvm_op, (unsigned long)op,
                              (unsigned long)arg, 0, 0, 0);
}

/* sysctl (35): a struct xen_sysctl, interface_version filled in. */
static inline long HYPERVISOR_sysctl(void *op)
{
    return hypercall_via_page(__HYPERVISOR_sysctl, (unsigned long)op, 0, 0, 0,
                              0);
}

/* domctl (36): a struct xen_domctl, interface_version filled in. */
static inline long HYPERVISOR_domctl(void *op)
{
    return hypercall_via_page(__HYPERVISOR_domctl, (unsigned long)op, 0, 0, 0,
                              0);
}

/* kexec_op (37): KEXEC_CMD_* with its argument structure. */
static inline long HYPERVISOR_kexec_op(unsigned long op, void *arg)
{
    return hypercall_via_page(__HYPERVISOR_kexec_op, op, (unsigned long)arg,
                              0, 0, 0);
}

/* argo_op (39): cmd and four command-specific arguments. */
static inline long HYPERVISOR_argo_op(unsigned int cmd, void *arg1,
                                      void *arg2, unsigned long arg3,
                                      unsigned long arg4)
{
    return hypercall_via_page(__HYPERVISOR_argo_op, cmd, (unsigned long)arg1,
                              (unsigned long)arg2, arg3, arg4);
}

/* xenpmu_op (40): XENPMU_* with its argument structure. */
static inline long HYPERVISOR_xenpmu_op(unsigned int op, void *arg)
{
    return hypercall_via_page(__HYPERVISOR_xenpmu_op, op, (unsigned long)arg,
                              0, 0, 0);
}

/* dm_op (41): nr_bufs buffers for a device model serving domain dom. */
static inline long HYPERVISOR_dm_op(unsigned int dom, unsigned int nr_bufs,
                                    void *bufs)
{
    return hypercall_via_page(__HYPERVISOR_dm_op, dom, nr_bufs,
                              (unsigned long)bufs, 0, 0);
}

/* hypfs_op (42): cmd on the hypervisor file system entry at path. */
static inline long HYPERVISOR_hypfs_op(unsigned int cmd, const char *path,
                                       unsigned long pathlen, void *buf,
                                       unsigned long buflen)
{
    return hypercall_via_page(__HYPERVISOR_hypfs_op, cmd, (unsigned long)path,
                              pathlen, (unsigned long)buf, buflen);
}

#endif /* __ASSEMBLY__ */
#endif
