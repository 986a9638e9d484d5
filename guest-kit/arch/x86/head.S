/* SPDX-License-Identifier: MIT */
/*
 * Kernel entry and the ELF notes that tell a Xen-PV domain builder how to
 * load us: linked at 1 MiB with virt_base 0, so PFN = VA >> 12.
 */
#include "abi/elfnote.h"

/* One note named "Xen": type, then desc given as assembler directives. */
#define XEN_NOTE(type, desc...)                                             \
    .pushsection .note.Xen, "a", @note;                                     \
    .balign 4;                                                              \
    .long 2f - 1f;          /* namesz */                                    \
    .long 4f - 3f;          /* descsz */                                    \
    .long type;                                                             \
1:  .asciz "Xen";                                                           \
2:  .balign 4;                                                              \
3:  desc;                                                                   \
4:  .balign 4;                                                              \
    .popsection

XEN_NOTE(XEN_ELFNOTE_GUEST_OS, .asciz "guest-kit")
XEN_NOTE(XEN_ELFNOTE_GUEST_VERSION, .asciz "0.1")
XEN_NOTE(XEN_ELFNOTE_XEN_VERSION, .asciz "xen-3.0")
XEN_NOTE(XEN_ELFNOTE_LOADER, .asciz "generic")
XEN_NOTE(XEN_ELFNOTE_VIRT_BASE, .quad 0)
XEN_NOTE(XEN_ELFNOTE_PADDR_OFFSET, .quad 0)
XEN_NOTE(XEN_ELFNOTE_ENTRY, .quad _start)
XEN_NOTE(XEN_ELFNOTE_HYPERCALL_PAGE, .quad hypercall_page)
XEN_NOTE(XEN_ELFNOTE_FEATURES, .asciz "!writable_page_tables|pae_pgdir_above_4gb")

#define BOOT_STACK_SIZE 16384

    .section .text.head, "ax", @progbits
    .code64
/*
 * _start: in: rsi = VA of start_info, rsp = top of the builder's boot
 * stack, everything else as the boot protocol says. Saves every register
 * into gk_boot_regs first (tests check them), zeroes .bss, switches to our
 * own stack and calls gk_main_entry(start_info), which never returns.
 */
    .globl _start
_start:
    mov %rax, gk_boot_regs + 0x00(%rip)
    mov %rbx, gk_boot_regs + 0x08(%rip)
    mov %rcx, gk_boot_regs + 0x10(%rip)
    mov %rdx, gk_boot_regs + 0x18(%rip)
    mov %rsi, gk_boot_regs + 0x20(%rip)
    mov %rdi, gk_boot_regs + 0x28(%rip)
    mov %rbp, gk_boot_regs + 0x30(%rip)
    mov %rsp, gk_boot_regs + 0x38(%rip)
    mov %r8,  gk_boot_regs + 0x40(%rip)
    mov %r9,  gk_boot_regs + 0x48(%rip)
    mov %r10, gk_boot_regs + 0x50(%rip)
    mov %r11, gk_boot_regs + 0x58(%rip)
    mov %r12, gk_boot_regs + 0x60(%rip)
    mov %r13, gk_boot_regs + 0x68(%rip)
    mov %r14, gk_boot_regs + 0x70(%rip)
    mov %r15, gk_boot_regs + 0x78(%rip)
    /* The boot stack is valid: borrow one slot of it for the flags. */
    pushfq
    popq gk_boot_regs + 0x80(%rip)
    mov %cs, %rax
    mov %rax, gk_boot_regs + 0x88(%rip)
    mov %ss, %rax
    mov %rax, gk_boot_regs + 0x90(%rip)
    mov %ds, %rax
    mov %rax, gk_boot_regs + 0x98(%rip)
    mov %es, %rax
    mov %rax, gk_boot_regs + 0xa0(%rip)
    mov %fs, %rax
    mov %rax, gk_boot_regs + 0xa8(%rip)
    mov %gs, %rax
    mov %rax, gk_boot_regs + 0xb0(%rip)

    /* The builder zeroes memsz beyond filesz, but do not rely on it. */
    cld
    lea __bss_start(%rip), %rdi
    lea __bss_end(%rip), %rcx
    sub %rdi, %rcx
    xor %eax, %eax
    rep stosb

    lea gk_boot_stack + BOOT_STACK_SIZE(%rip), %rsp
    mov gk_boot_regs + 0x20(%rip), %rdi
    xor %ebp, %ebp
    call gk_main_entry
    ud2

    .section .data
    .balign 8
    .globl gk_boot_regs
gk_boot_regs:
    .fill 0xb8, 1, 0
    .size gk_boot_regs, . - gk_boot_regs

    .section .bss
    .balign 4096
    .globl gk_boot_stack
gk_boot_stack:
    .fill BOOT_STACK_SIZE, 1, 0
    .size gk_boot_stack, . - gk_boot_stack

    .section .note.GNU-stack, "", @progbits
