/* SPDX-License-Identifier: MIT */
/*
 * The x86_64 PV address-space layout, flat selectors and register frames
 * that every PV kernel and the hypervisor agree on.
 */
#ifndef HV_ABI_PV64_H
#define HV_ABI_PV64_H

#ifndef __ASSEMBLY__
#include <stdint.h>
#endif

/* Guest address space: L4 slots 256-271 belong to the hypervisor. */
#define HYPERVISOR_VIRT_START  0xFFFF800000000000UL
#define HYPERVISOR_VIRT_END    0xFFFF880000000000UL
/* The read-only machine-to-phys table, one 8-byte PFN per MFN. */
#define MACH2PHYS_VIRT_START   0xFFFF800000000000UL
#define MACH2PHYS_VIRT_END     0xFFFF804000000000UL
#define MACH2PHYS_NR_ENTRIES   ((MACH2PHYS_VIRT_END - MACH2PHYS_VIRT_START) >> 3)

/* Flat selectors in the hypervisor's reserved GDT page (entries 7168+). */
#define FIRST_RESERVED_GDT_PAGE  14
#define FIRST_RESERVED_GDT_BYTE  (FIRST_RESERVED_GDT_PAGE * 4096)
#define FIRST_RESERVED_GDT_ENTRY (FIRST_RESERVED_GDT_BYTE / 8)

#define FLAT_RING3_CS32  0xE023
#define FLAT_RING3_CS64  0xE033
#define FLAT_RING3_DS32  0xE02B
#define FLAT_RING3_DS64  0x0000
#define FLAT_RING3_SS32  0xE02B
#define FLAT_RING3_SS64  0xE02B

#define FLAT_KERNEL_CS   FLAT_RING3_CS64
#define FLAT_KERNEL_DS   FLAT_RING3_DS64
#define FLAT_KERNEL_SS   FLAT_RING3_SS64
#define FLAT_KERNEL_CS32 FLAT_RING3_CS32
#define FLAT_KERNEL_DS32 FLAT_RING3_DS32
#define FLAT_KERNEL_SS32 FLAT_RING3_SS32
#define FLAT_USER_CS     FLAT_RING3_CS64
#define FLAT_USER_DS     FLAT_RING3_DS64
#define FLAT_USER_SS     FLAT_RING3_SS64
#define FLAT_USER_CS32   FLAT_RING3_CS32
#define FLAT_USER_DS32   FLAT_RING3_DS32
#define FLAT_USER_SS32   FLAT_RING3_SS32

/* set_segment_base (hypercall 25) selectors. */
#define SEGBASE_FS           0
#define SEGBASE_GS_USER      1
#define SEGBASE_GS_KERNEL    2
#define SEGBASE_GS_USER_SEL  3

/* iret (hypercall 23) flags word: return with SYSRET semantics. */
#define _VGCF_in_syscall 8
#define VGCF_in_syscall  (1U << _VGCF_in_syscall)
#define VGCF_IN_SYSCALL  VGCF_in_syscall

#ifndef __ASSEMBLY__
/*
 * What the iret stub leaves at %rsp when it issues the hypercall:
 * lowest address first.
 */
struct iret_context {
    uint64_t rax, r11, rcx, flags, rip, cs, rflags, rsp, ss;
};

/* The register frame of vcpu_guest_context (tools, VCPUOP_initialise). */
struct cpu_user_regs {
    uint64_t r15, r14, r13, r12, rbp, rbx, r11, r10, r9, r8;
    uint64_t rax, rcx, rdx, rsi, rdi;
    uint32_t error_code;     /* private to the hypervisor */
    uint32_t entry_vector;   /* private to the hypervisor */
    uint64_t rip;
    uint16_t cs, _pad0[1];
    uint8_t  saved_upcall_mask;
    uint8_t  _pad1[3];
    uint64_t rflags;         /* IF == !saved_upcall_mask */
    uint64_t rsp;
    uint16_t ss, _pad2[3];
    uint16_t es, _pad3[3];
    uint16_t ds, _pad4[3];
    uint16_t fs, _pad5[3];
    uint16_t gs, _pad6[3];
};

#endif /* __ASSEMBLY__ */

#define xen_pfn_to_cr3(pfn) ((unsigned long)(pfn) << 12)
#define xen_cr3_to_pfn(cr3) ((unsigned long)(cr3) >> 12)

#endif
