/* SPDX-License-Identifier: MIT */
/*
 * The event upcall: entered by a bounce with events masked. Saves what C
 * may clobber, lets gk_upcall_dispatch scan the bitmaps, and returns
 * through the iret hypercall, which restores the mask from the frame's
 * IF (so the interrupted code's "sti" state) and delivers anything that
 * arrived meanwhile.
 *
 * Bounce frame at entry (no error code):
 *
 *   rsp+0    RCX       interrupted values: the registers hold garbage
 *   rsp+8    R11
 *   rsp+16   RIP
 *   rsp+24   CS        bits 32-39: the saved upcall mask
 *   rsp+32   RFLAGS    IF = !saved mask
 *   rsp+40   RSP
 *   rsp+48   SS
 */
#include "abi/hypercall.h"
#include "frame.h"

    .section .text, "ax", @progbits
    .code64

/*
 * gk_upcall_entry: in: the frame above. Builds the same layout as
 * struct gk_trap_frame (vector and error code 0) so C can read CS.
 * Out: never returns here; the iret hypercall resumes the frame.
 */
    .balign 16
    .globl gk_upcall_entry
gk_upcall_entry:
    pop %rcx
    pop %r11
    pushq $0                /* error code */
    pushq $0                /* vector */
    GK_SAVE_GPRS
    cld
    mov %rsp, %rdi
    mov %rsp, %rbx          /* callee-saved: the frame across the call */
    and $-16, %rsp
    call gk_upcall_dispatch
    mov %rbx, %rsp
    GK_RESTORE_GPRS
    /*
     * Drop vector and error code, push the iret flags word (0: full
     * IRET, rcx and r11 restored) and enter stub 23, which pushes rcx,
     * r11 and rax and issues the hypercall.
     */
    lea 16(%rsp), %rsp
    pushq $0
    jmp hypercall_page + __HYPERVISOR_iret * HYPERCALL_PAGE_STUB_SIZE

    .section .note.GNU-stack, "", @progbits
