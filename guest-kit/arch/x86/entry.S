/* SPDX-License-Identifier: MIT */
/*
 * Exception entry: one 16-byte stub per vector 0-255 and the common path
 * that builds a struct gk_trap_frame and returns through the iret
 * hypercall or a direct iretq.
 *
 * The hypervisor's bounce frame at stub entry (6.2 of the ABI notes):
 *
 *   rsp+0    RCX
 *   rsp+8    R11
 *   rsp+16   error code      (only vectors in X86_EXC_HAVE_EC)
 *   ...      RIP, CS (| upcall mask << 32), RFLAGS, RSP, SS
 */
#include "abi/hypercall.h"
#include "frame.h"

/* Vectors whose bounce frame carries an error code. */
#define HAS_EC(v) ((v) == 8 || ((v) >= 10 && (v) <= 14) || (v) == 17 || \
                   (v) == 21 || (v) == 29 || (v) == 30)

    .section .text, "ax", @progbits
    .code64

/*
 * gk_trap_stubs: stub v at gk_trap_stubs + 16 * v. Out: RCX and R11 back
 * in their registers, error code slot filled (0 if none), vector pushed.
 */
    .balign 16
    .globl gk_trap_stubs
gk_trap_stubs:
    vec = 0
    .rept 256
    .balign 16
    pop %rcx
    pop %r11
    .if !HAS_EC(vec)
    pushq $0
    .endif
    pushq $vec
    jmp gk_trap_common
    vec = vec + 1
    .endr

/*
 * gk_trap_common: in: stack = vector, error code, RIP, CS, RFLAGS, RSP, SS;
 * all GPRs as interrupted. Saves them below to complete struct
 * gk_trap_frame, calls gk_trap_dispatch(frame) on a 16-byte aligned stack
 * and returns with its answer: 0 = iret hypercall, 1 = iretq.
 */
gk_trap_common:
    GK_SAVE_GPRS
    cld
    mov %rsp, %rdi
    mov %rsp, %rbx          /* callee-saved: the frame across the call */
    and $-16, %rsp
    call gk_trap_dispatch
    mov %rbx, %rsp
    test %eax, %eax         /* pops keep the flags for the branch below */
    GK_RESTORE_GPRS
    jnz 1f
    /*
     * iret hypercall: drop vector and error code, push the flags word (0:
     * full IRET semantics, restores rcx/r11 too) under the frame and jump
     * to stub 23, which pushes rcx, r11, rax and issues the call.
     */
    lea 16(%rsp), %rsp
    pushq $0
    jmp hypercall_page + __HYPERVISOR_iret * HYPERCALL_PAGE_STUB_SIZE
1:
    /*
     * Direct iretq at CPL 3: the frame's selectors show RPL 0 for kernel
     * context, which iretq from ring 3 would refuse; raise them to RPL 3.
     */
    lea 16(%rsp), %rsp
    orq $3, 8(%rsp)
    orq $3, 32(%rsp)
    iretq

    .section .note.GNU-stack, "", @progbits
