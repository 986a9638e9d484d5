/* SPDX-License-Identifier: MIT */
/* x86 architectural numbers guest-kit and the tests use. */
#ifndef GK_X86_H
#define GK_X86_H

/* Exception vectors. */
#define X86_EXC_DE   0   /* divide error */
#define X86_EXC_DB   1   /* debug */
#define X86_EXC_NMI  2
#define X86_EXC_BP   3   /* int3 */
#define X86_EXC_OF   4   /* into (not in 64-bit mode) */
#define X86_EXC_BR   5   /* bound (not in 64-bit mode) */
#define X86_EXC_UD   6   /* invalid opcode */
#define X86_EXC_NM   7   /* device not available */
#define X86_EXC_DF   8   /* double fault */
#define X86_EXC_TS  10   /* invalid TSS */
#define X86_EXC_NP  11   /* segment not present */
#define X86_EXC_SS  12   /* stack fault */
#define X86_EXC_GP  13   /* general protection */
#define X86_EXC_PF  14   /* page fault */
#define X86_EXC_MF  16   /* x87 floating point */
#define X86_EXC_AC  17   /* alignment check */
#define X86_EXC_MC  18   /* machine check */
#define X86_EXC_XM  19   /* SIMD floating point */
#define X86_EXC_VE  20
#define X86_EXC_CP  21   /* control protection */
#define X86_NR_EXCEPTIONS 32

/* Vectors whose frame carries an error code (as the CPU pushes it). */
#define X86_EXC_HAVE_EC ((1u << 8) | (1u << 10) | (1u << 11) | (1u << 12) | \
                         (1u << 13) | (1u << 14) | (1u << 17) | (1u << 21) | \
                         (1u << 29) | (1u << 30))

#define X86_EFLAGS_CF   0x00000001UL
#define X86_EFLAGS_MBS  0x00000002UL   /* always set */
#define X86_EFLAGS_TF   0x00000100UL
#define X86_EFLAGS_IF   0x00000200UL
#define X86_EFLAGS_DF   0x00000400UL
#define X86_EFLAGS_OF   0x00000800UL
#define X86_EFLAGS_IOPL 0x00003000UL
#define X86_EFLAGS_NT   0x00004000UL
#define X86_EFLAGS_RF   0x00010000UL
#define X86_EFLAGS_VM   0x00020000UL
#define X86_EFLAGS_AC   0x00040000UL
#define X86_EFLAGS_ID   0x00200000UL

/* Page-table entry bits. */
#define PTE_P    0x001UL
#define PTE_RW   0x002UL
#define PTE_US   0x004UL
#define PTE_PWT  0x008UL
#define PTE_PCD  0x010UL
#define PTE_A    0x020UL
#define PTE_D    0x040UL
#define PTE_PSE  0x080UL
#define PTE_G    0x100UL
#define PTE_NX   (1UL << 63)
#define PTE_ADDR_MASK 0x000FFFFFFFFFF000UL

/* #PF error-code bits. */
#define PFEC_PRESENT 0x01
#define PFEC_WRITE   0x02
#define PFEC_USER    0x04
#define PFEC_RSVD    0x08
#define PFEC_INSN    0x10

#define PAGE_SHIFT 12
#define PAGE_SIZE  (1UL << PAGE_SHIFT)

#endif
