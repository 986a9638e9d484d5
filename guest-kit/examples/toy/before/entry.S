/* SPDX-License-Identifier: MIT */
/*
 * The bare-metal toy's entry and interrupt stubs (NOT BUILT: the "before"
 * of docs/porting.md). Assumes a loader that enters _start in 64-bit mode
 * at CPL 0 with the low 1 GiB identity-mapped and interrupts off, as
 * UEFI-era loaders do. The PV port drops this whole file: guest-kit's
 * head.S (ELF notes instead of a loader header) and entry.S (stubs for
 * the hypervisor's bounce frame) replace it.
 */

    .section .text, "ax", @progbits
    .code64

/*
 * _start: in: long mode, CPL 0, rsp anywhere. Loads our GDT (kernel and
 * user segments, room for the TSS) and calls kmain on the boot stack.
 */
    .globl _start
_start:
    lgdt gdt_ptr(%rip)
    mov $0x10, %ax              /* kernel data */
    mov %ax, %ds
    mov %ax, %es
    mov %ax, %ss
    lea 1f(%rip), %rax          /* reload CS with a far return */
    pushq $0x08
    push %rax
    lretq
1:  lea boot_stack_top(%rip), %rsp
    call kmain
2:  hlt
    jmp 2b

/*
 * One stub per vector we use. The CPU pushed SS, RSP, RFLAGS, CS, RIP
 * (and an error code for #GP and #PF); the stubs complete the same
 * struct trap_frame the PV port gets from guest-kit.
 */
#define STUB(vec)                                                           \
    .globl isr_##vec; isr_##vec: pushq $0; pushq $vec; jmp isr_common
#define STUB_EC(vec)                                                        \
    .globl isr_##vec; isr_##vec: pushq $vec; jmp isr_common
STUB(3)
STUB_EC(13)
STUB_EC(14)
STUB(32)
STUB(128)

isr_common:
    push %rdi
    push %rsi
    push %rdx
    push %rcx
    push %rax
    push %r8
    push %r9
    push %r10
    push %r11
    push %rbx
    push %rbp
    push %r12
    push %r13
    push %r14
    push %r15
    cld
    mov %rsp, %rdi
    call trap_dispatch          /* may change any field of the frame */
    pop %r15
    pop %r14
    pop %r13
    pop %r12
    pop %rbp
    pop %rbx
    pop %r11
    pop %r10
    pop %r9
    pop %r8
    pop %rax
    pop %rcx
    pop %rdx
    pop %rsi
    pop %rdi
    add $16, %rsp               /* vector and error code */
    iretq

    .section .data
    .balign 16
gdt:
    .quad 0                     /* 0x00 null */
    .quad 0x00AF9A000000FFFF    /* 0x08 kernel code, 64-bit */
    .quad 0x00CF92000000FFFF    /* 0x10 kernel data */
    .quad 0x00CFF2000000FFFF    /* 0x18 user data (selector 0x1B) */
    .quad 0x00AFFA000000FFFF    /* 0x20 user code (selector 0x23) */
    .globl gdt_tss
gdt_tss:
    .quad 0, 0                  /* 0x28 TSS, filled in by tss_init() */
gdt_end:
gdt_ptr:
    .word gdt_end - gdt - 1
    .quad gdt

    .section .bss
    .balign 16
    .fill 16384, 1, 0
boot_stack_top:

    .section .note.GNU-stack, "", @progbits
