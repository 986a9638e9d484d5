/* SPDX-License-Identifier: MIT */
/*
 * Thread switch: only the callee-saved registers and rsp change hands;
 * the C caller has saved the rest. Events are masked by the caller, so
 * no upcall runs on a half-switched stack.
 *
 * A switched-out thread's stack, from its saved rsp upward:
 *
 *   +0   r15
 *   +8   r14
 *   +16  r13
 *   +24  r12       (a new thread: its struct gk_thread *)
 *   +32  rbx
 *   +40  rbp
 *   +48  return address (a new thread: gk_thread_trampoline)
 */
    .section .text, "ax", @progbits
    .code64

/*
 * gk_ctx_switch: in: rdi = where to save the current rsp, rsi = the rsp
 * to resume. Out: returns on the other stack, into whoever saved it.
 */
    .balign 16
    .globl gk_ctx_switch
gk_ctx_switch:
    push %rbp
    push %rbx
    push %r12
    push %r13
    push %r14
    push %r15
    mov %rsp, (%rdi)
    mov %rsi, %rsp
    pop %r15
    pop %r14
    pop %r13
    pop %r12
    pop %rbx
    pop %rbp
    ret

/*
 * gk_thread_trampoline: first code of a new thread, "returned to" by
 * gk_ctx_switch. In: r12 = the thread; rsp 16-byte aligned. Calls
 * gk_thread_start(thread), which never returns.
 */
    .globl gk_thread_trampoline
gk_thread_trampoline:
    mov %r12, %rdi
    xor %ebp, %ebp
    call gk_thread_start
    ud2

    .section .note.GNU-stack, "", @progbits
