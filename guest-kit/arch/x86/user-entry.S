/* SPDX-License-Identifier: MIT */
/*
 * User mode entry and exit: gk_user_enter leaves the kernel through the
 * iret hypercall with a ring-3 frame; the syscall callbacks and the
 * routing stubs of the trap table come back here from user mode and
 * return from gk_user_enter as if it had been an ordinary call.
 *
 * Bounce frame at a callback or stub (reference §6.2), on the kernel
 * stack given to stack_switch when user context was interrupted:
 *
 *   rsp+0    RCX
 *   rsp+8    R11
 *   rsp+16   error code      (only vectors in X86_EXC_HAVE_EC)
 *   ...      RIP, CS (| upcall mask << 32), RFLAGS, RSP, SS
 */
#include "abi/hypercall.h"
#include "frame.h"
#include "gk/user.h"

#define HAS_EC(v) ((v) == 8 || ((v) >= 10 && (v) <= 14) || (v) == 17 || \
                   (v) == 21 || (v) == 29 || (v) == 30)

/* Routing stubs are this many bytes apart; guest-kit's (gk/traps.h) 16. */
#define STUB_SIZE 32
#define GK_TRAP_STUB_SIZE 16

    .section .text, "ax", @progbits
    .code64

/*
 * unsigned int gk_user_enter(struct gk_user *u): in: rdi = u, whose
 * regs.cs/ss are already filled in. Saves the callee-saved registers and
 * rsp in gk_user_kernel_rsp, builds the iret frame (flags word, RIP, CS,
 * RFLAGS, RSP, SS), loads every GPR from u->regs and enters the iret
 * stub, which pushes rcx, r11 and rax. Out (via gk_user_exit): eax = the
 * exit reason, callee-saved registers as at the call.
 *
 *   kernel stack at the iret stub
 *   +0   flags word (u->iret_flags)
 *   +8   RIP
 *   +16  CS
 *   +24  RFLAGS
 *   +32  RSP
 *   +40  SS
 *   +48  r15 r14 r13 r12 rbp rbx, return address   (gk_user_kernel_rsp)
 */
    .globl gk_user_enter
gk_user_enter:
    push %rbx
    push %rbp
    push %r12
    push %r13
    push %r14
    push %r15
    mov %rsp, gk_user_kernel_rsp(%rip)
    pushq GK_USER_REGS_RIP + 32(%rdi)       /* ss */
    pushq GK_USER_REGS_RIP + 24(%rdi)       /* rsp */
    pushq GK_USER_REGS_RIP + 16(%rdi)       /* rflags */
    pushq GK_USER_REGS_RIP + 8(%rdi)        /* cs */
    pushq GK_USER_REGS_RIP(%rdi)            /* rip */
    pushq GK_USER_IRET_FLAGS(%rdi)
    mov 0(%rdi), %r15
    mov 8(%rdi), %r14
    mov 16(%rdi), %r13
    mov 24(%rdi), %r12
    mov 32(%rdi), %rbp
    mov 40(%rdi), %rbx
    mov 48(%rdi), %r11
    mov 56(%rdi), %r10
    mov 64(%rdi), %r9
    mov 72(%rdi), %r8
    mov 80(%rdi), %rax
    mov 88(%rdi), %rcx
    mov 96(%rdi), %rdx
    mov 104(%rdi), %rsi
    mov 112(%rdi), %rdi
    jmp hypercall_page + __HYPERVISOR_iret * HYPERCALL_PAGE_STUB_SIZE

/*
 * gk_user_syscall_entry, gk_user_syscall32_entry: the callbacks. In: the
 * frame above without error code; every other register as user mode
 * left it. Out: to gk_user_exit with the reason.
 */
    .balign 16
    .globl gk_user_syscall_entry
gk_user_syscall_entry:
    pop %rcx
    pop %r11
    pushq $0
    pushq $GK_USER_SYSCALL
    jmp gk_user_exit

    .balign 16
    .globl gk_user_syscall32_entry
gk_user_syscall32_entry:
    pop %rcx
    pop %r11
    pushq $0
    pushq $GK_USER_SYSCALL32
    jmp gk_user_exit

/*
 * gk_user_stubs: stub v at gk_user_stubs + 32 * v, the trap table entry
 * of vector v. In: the frame above. A frame from kernel context (CS RPL
 * 0) goes unchanged to guest-kit's own stub of v; one from user context
 * (RPL 3) to gk_user_exit with RCX and R11 popped, error code slot
 * filled (0 if none) and the vector pushed.
 */
    .balign STUB_SIZE
    .globl gk_user_stubs
gk_user_stubs:
    vec = 0
    .rept 256
    .balign STUB_SIZE
    .if HAS_EC(vec)
    testb $3, 32(%rsp)
    .else
    testb $3, 24(%rsp)
    .endif
    jnz 1f
    jmp gk_trap_stubs + vec * GK_TRAP_STUB_SIZE
1:
    pop %rcx
    pop %r11
    .if !HAS_EC(vec)
    pushq $0
    .endif
    pushq $vec
    jmp gk_user_exit
    vec = vec + 1
    .endr

/*
 * gk_user_exit: in: stack = reason, error code, RIP, CS, RFLAGS, RSP, SS;
 * all GPRs as user mode left them. Completes a struct gk_trap_frame,
 * lets gk_user_record copy it out (it returns the reason in eax), then
 * returns from gk_user_enter on the kernel stack saved there. The bounce
 * stack is abandoned: the next exit from user mode starts at its top.
 */
gk_user_exit:
    GK_SAVE_GPRS
    cld
    mov %rsp, %rdi
    and $-16, %rsp
    call gk_user_record
    mov gk_user_kernel_rsp(%rip), %rsp
    pop %r15
    pop %r14
    pop %r13
    pop %r12
    pop %rbp
    pop %rbx
    ret

/*
 * gk_user_thunk: user-mode code. In: rdi = argument, rsi = function,
 * rsp 16-byte aligned. Calls the function, then `syscall` with rdi = its
 * result; resumed after that, it makes the syscall again.
 */
    .globl gk_user_thunk, gk_user_thunk_done
gk_user_thunk:
    call *%rsi
    mov %rax, %rdi
1:
    syscall
gk_user_thunk_done:
    jmp 1b

    .section .bss
    .balign 8
gk_user_kernel_rsp:
    .quad 0

    .section .note.GNU-stack, "", @progbits
