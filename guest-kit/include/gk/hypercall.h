/* SPDX-License-Identifier: MIT */
/*
 * Hypercall wrappers. Calls go through the hypercall page the hypervisor
 * filled (stub nr at hypercall_page + 32 * nr): rax = number, arguments in
 * rdi, rsi, rdx, r10, r8, result in rax. rcx and r11 die in `syscall`, and
 * the argument registers are treated as clobbered (debug hypervisors
 * poison them).
 */
#ifndef GK_HYPERCALL_H
#define GK_HYPERCALL_H

#include <stdint.h>

#include "abi/hypercall.h"

#ifndef __ASSEMBLY__

/* The page of stubs, inside the kernel image (see hypercall-page.S). */
extern uint8_t hypercall_page[4096];

/*
 * Call hypercall nr (0..127) through the page with five arguments; unused
 * ones may be anything.
 */
static inline long gk_hypercall5(unsigned int nr, unsigned long a1,
                                 unsigned long a2, unsigned long a3,
                                 unsigned long a4, unsigned long a5)
{
    register unsigned long r10 __asm__("r10") = a4;
    register unsigned long r8 __asm__("r8") = a5;
    long ret;

    __asm__ volatile("call *%[stub]"
                     : "=a"(ret), "+D"(a1), "+S"(a2), "+d"(a3), "+r"(r10),
                       "+r"(r8)
                     : [stub] "r"(hypercall_page +
                                  (nr % 128) * HYPERCALL_PAGE_STUB_SIZE)
                     : "rcx", "r11", "memory");
    return ret;
}

/*
 * Issue `syscall` with rax = nr directly, without the page: reaches any
 * number, including those above 127 that have no stub. For hostile tests.
 */
static inline long gk_hypercall_raw(unsigned long nr, unsigned long a1,
                                    unsigned long a2, unsigned long a3,
                                    unsigned long a4, unsigned long a5)
{
    register unsigned long r10 __asm__("r10") = a4;
    register unsigned long r8 __asm__("r8") = a5;
    long ret;

    __asm__ volatile("syscall"
                     : "=a"(ret), "+D"(a1), "+S"(a2), "+d"(a3), "+r"(r10),
                       "+r"(r8)
                     : "a"(nr)
                     : "rcx", "r11", "memory");
    return ret;
}

#define GK_HC(nr, a1, a2, a3, a4, a5)                                        \
    gk_hypercall5(__HYPERVISOR_##nr, (unsigned long)(a1),                    \
                  (unsigned long)(a2), (unsigned long)(a3),                  \
                  (unsigned long)(a4), (unsigned long)(a5))

/* set_trap_table: install a trap_info array ended by address 0. */
static inline long HYPERVISOR_set_trap_table(const void *traps)
{
    return GK_HC(set_trap_table, traps, 0, 0, 0, 0);
}

/* mmu_update: checked page-table writes. */
static inline long HYPERVISOR_mmu_update(const void *reqs, unsigned int count,
                                         unsigned int *done, unsigned int dom)
{
    return GK_HC(mmu_update, reqs, count, done, dom, 0);
}

/* set_gdt: frames is an array of MFNs, entries the descriptor count. */
static inline long HYPERVISOR_set_gdt(const unsigned long *frames,
                                      unsigned int entries)
{
    return GK_HC(set_gdt, frames, entries, 0, 0, 0);
}

/* stack_switch: the kernel stack used for bounces from user mode. */
static inline long HYPERVISOR_stack_switch(unsigned long ss, unsigned long sp)
{
    return GK_HC(stack_switch, ss, sp, 0, 0, 0);
}

/* set_callbacks: event, failsafe and syscall entry points. */
static inline long HYPERVISOR_set_callbacks(unsigned long event,
                                            unsigned long failsafe,
                                            unsigned long syscall)
{
    return GK_HC(set_callbacks, event, failsafe, syscall, 0, 0);
}

/* fpu_taskswitch: set (1) or clear (0) the virtual CR0.TS. */
static inline long HYPERVISOR_fpu_taskswitch(int set)
{
    return GK_HC(fpu_taskswitch, set, 0, 0, 0, 0);
}

/* update_descriptor: write one 8-byte descriptor at machine address ma. */
static inline long HYPERVISOR_update_descriptor(uint64_t ma, uint64_t desc)
{
    return GK_HC(update_descriptor, ma, desc, 0, 0, 0);
}

/* memory_op: cmd XENMEM_*, arg points at the op's structure (or NULL). */
static inline long HYPERVISOR_memory_op(unsigned int cmd, void *arg)
{
    return GK_HC(memory_op, cmd, arg, 0, 0, 0);
}

/* multicall: run nr multicall_entry structures in order. */
static inline long HYPERVISOR_multicall(void *calls, unsigned int nr)
{
    return GK_HC(multicall, calls, nr, 0, 0, 0);
}

/* update_va_mapping: rewrite the L1 entry for va; flags UVMF_*. */
static inline long HYPERVISOR_update_va_mapping(unsigned long va,
                                                uint64_t pte,
                                                unsigned long flags)
{
    return GK_HC(update_va_mapping, va, pte, flags, 0, 0);
}

/* xen_version: cmd XENVER_*, arg its buffer. */
static inline long HYPERVISOR_xen_version(int cmd, void *arg)
{
    return GK_HC(xen_version, cmd, arg, 0, 0, 0);
}

/* console_io: CONSOLEIO_write/read count bytes at buf. */
static inline long HYPERVISOR_console_io(int cmd, int count, const char *buf)
{
    return GK_HC(console_io, cmd, count, buf, 0, 0);
}

/* vm_assist: VMASST_CMD_enable/disable of VMASST_TYPE_*. */
static inline long HYPERVISOR_vm_assist(unsigned int cmd, unsigned int type)
{
    return GK_HC(vm_assist, cmd, type, 0, 0, 0);
}

/* vcpu_op: VCPUOP_* on vcpu with its argument structure. */
static inline long HYPERVISOR_vcpu_op(int cmd, unsigned int vcpu, void *arg)
{
    return GK_HC(vcpu_op, cmd, vcpu, arg, 0, 0);
}

/* set_segment_base: which = SEGBASE_*, base the new base or selector. */
static inline long HYPERVISOR_set_segment_base(int which, unsigned long base)
{
    return GK_HC(set_segment_base, which, base, 0, 0, 0);
}

/* mmuext_op: extended MMU operations. */
static inline long HYPERVISOR_mmuext_op(const void *ops, unsigned int count,
                                        unsigned int *done, unsigned int dom)
{
    return GK_HC(mmuext_op, ops, count, done, dom, 0);
}

/* sched_op: SCHEDOP_* with its argument structure (or NULL). */
static inline long HYPERVISOR_sched_op(int cmd, void *arg)
{
    return GK_HC(sched_op, cmd, arg, 0, 0, 0);
}

/* callback_op: CALLBACKOP_register/unregister. */
static inline long HYPERVISOR_callback_op(int cmd, const void *arg)
{
    return GK_HC(callback_op, cmd, arg, 0, 0, 0);
}

/* event_channel_op: EVTCHNOP_* with its argument structure. */
static inline long HYPERVISOR_event_channel_op(int cmd, void *arg)
{
    return GK_HC(event_channel_op, cmd, arg, 0, 0, 0);
}

#endif /* __ASSEMBLY__ */
#endif
