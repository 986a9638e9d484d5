/* SPDX-License-Identifier: MIT */
/*
 * The register frame every entry into hv builds, and struct cpu_info at the
 * top of each CPU's stack. Offsets are shared with entry.S.
 *
 *   high  +---------------------------+ <- stack top (STACK_SIZE aligned)
 *         | cpu_info (rest)           |
 *         +---------------------------+ <- TSS.RSP0, 16-byte aligned
 *         | ss rsp rflags cs rip      |  pushed by the CPU (or by the
 *         | error_code vector         |  syscall path, or the stub)
 *         | rdi ... r15               |  SAVE_ALL
 *   low   +---------------------------+ <- struct hv_regs *
 */
#ifndef HV_ARCH_X86_REGS_H
#define HV_ARCH_X86_REGS_H

#define REGS_r15        0
#define REGS_r14        8
#define REGS_r13       16
#define REGS_r12       24
#define REGS_rbp       32
#define REGS_rbx       40
#define REGS_r11       48
#define REGS_r10       56
#define REGS_r9        64
#define REGS_r8        72
#define REGS_rax       80
#define REGS_rcx       88
#define REGS_rdx       96
#define REGS_rsi      104
#define REGS_rdi      112
#define REGS_vector   120
#define REGS_error    128
#define REGS_rip      136
#define REGS_cs       144
#define REGS_rflags   152
#define REGS_rsp      160
#define REGS_ss       168
#define REGS_SIZE     176

/* cpu_info fields above the guest frame, relative to TSS.RSP0. */
#define CPUINFO_syscall_rsp  0
#define CPUINFO_SIZE_ABOVE  64
#define CPUINFO_TOTAL       (REGS_SIZE + CPUINFO_SIZE_ABOVE)

/* Pseudo-vector recorded in the frame for `syscall` entries. */
#define VECTOR_SYSCALL 0x100

#ifndef __ASSEMBLY__
#include <hv/types.h>

struct hv_regs {
    uint64_t r15, r14, r13, r12, rbp, rbx, r11, r10, r9, r8;
    uint64_t rax, rcx, rdx, rsi, rdi;
    uint64_t vector, error_code;
    uint64_t rip, cs, rflags, rsp, ss;
};

struct vcpu;

struct cpu_info {
    struct hv_regs guest_regs;     /* the running guest's frame */
    uint64_t syscall_rsp;          /* guest %rsp saved by the syscall stub */
    struct vcpu *current;
    unsigned int cpu_id;
    uint32_t _pad;
    uint64_t fixup_error;          /* error code of the last fixed-up fault */
    uint64_t _rsvd[4];
};

_Static_assert(sizeof(struct hv_regs) == REGS_SIZE, "hv_regs layout");
_Static_assert(__builtin_offsetof(struct hv_regs, vector) == REGS_vector, "");
_Static_assert(__builtin_offsetof(struct hv_regs, ss) == REGS_ss, "");
_Static_assert(sizeof(struct cpu_info) == REGS_SIZE + CPUINFO_SIZE_ABOVE, "");
_Static_assert(__builtin_offsetof(struct cpu_info, syscall_rsp) ==
               REGS_SIZE + CPUINFO_syscall_rsp, "");

static inline bool regs_from_guest(const struct hv_regs *r)
{
    return (r->cs & 3) == 3;
}
#endif

#endif
