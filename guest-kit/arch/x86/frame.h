/* SPDX-License-Identifier: MIT */
/*
 * The general registers as every guest-kit entry path saves them: pushed
 * in this order they complete struct gk_trap_frame (gk/traps.h) below the
 * vector and error code, r15 at the lowest address.
 */
#ifndef GK_ARCH_X86_FRAME_H
#define GK_ARCH_X86_FRAME_H

#ifdef __ASSEMBLY__
.macro GK_SAVE_GPRS
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
.endm

/* Pops do not touch the flags: a test made before stays usable after. */
.macro GK_RESTORE_GPRS
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
.endm
#endif

#endif
