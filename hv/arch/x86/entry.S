/* SPDX-License-Identifier: MIT */
/*
 * Every way into hv from a guest or from hv itself: exception and
 * interrupt stubs, the `syscall` path of hypercalls, and the one way back
 * to a guest (iretq). All of them build struct hv_regs (regs.h).
 */
#include <hv/config.h>
#include "regs.h"
#include <abi/pv64.h>

        .text
        .code64

/* SAVE_ALL: push the GPRs below the vector/error pair already on the stack. */
.macro SAVE_ALL
        push    %rdi
        push    %rsi
        push    %rdx
        push    %rcx
        push    %rax
        push    %r8
        push    %r9
        push    %r10
        push    %r11
        push    %rbx
        push    %rbp
        push    %r12
        push    %r13
        push    %r14
        push    %r15
.endm

.macro RESTORE_ALL
        pop     %r15
        pop     %r14
        pop     %r13
        pop     %r12
        pop     %rbp
        pop     %rbx
        pop     %r11
        pop     %r10
        pop     %r9
        pop     %r8
        pop     %rax
        pop     %rcx
        pop     %rdx
        pop     %rsi
        pop     %rdi
.endm

/* Stubs: the CPU pushed ss..rip (and an error code for some vectors). */
.macro TRAP_NOERR vec
        .align  16
        push    $0
        push    $\vec
        jmp     common_trap
.endm
.macro TRAP_ERR vec
        .align  16
        push    $\vec
        jmp     common_trap
.endm

/*
 * trap_stubs: 256 stubs, 16 bytes apart; the IDT points vector n at
 * trap_stubs + 16 * n. Vectors 8, 10-14, 17, 21, 29, 30 carry an error code.
 */
        .align  16
        .globl  trap_stubs
trap_stubs:
        .set    vec, 0
        .rept   256
        .if vec == 8 || (vec >= 10 && vec <= 14) || vec == 17 || vec == 21 || vec == 29 || vec == 30
        TRAP_ERR vec
        .else
        TRAP_NOERR vec
        .endif
        .set    vec, vec + 1
        .endr

/*
 * common_trap: rsp -> vector, error, hardware frame.
 * Calls do_trap(regs) with IF clear; returns to the interrupted context.
 */
common_trap:
        SAVE_ALL
        cld
        mov     %rsp, %rdi
        call    do_trap
        testb   $3, REGS_cs(%rsp)
        jnz     return_to_guest
        RESTORE_ALL
        add     $16, %rsp
        iretq

/*
 * syscall_entry: reached from the per-CPU stub with
 *   rsp = TSS.RSP0 of this CPU, cpu_info.syscall_rsp = guest rsp,
 *   rcx = guest rip, r11 = guest rflags, IF/TF/DF/AC/NT clear (SFMASK).
 * Builds the same frame an interrupt from ring 3 would.
 */
        .globl  syscall_entry
syscall_entry:
        push    $FLAT_KERNEL_SS
        push    (8 + CPUINFO_syscall_rsp)(%rsp)      /* rsp */
        push    %r11                                 /* rflags */
        push    $FLAT_KERNEL_CS
        jmp     1f

/*
 * syscall32_entry: the same from the CSTAR stub, for `syscall` in 32-bit
 * (compat) code: the frame records CS 0xE023, which is how the rest of hv
 * tells the guest's syscall32 callback from its 64-bit one.
 */
        .globl  syscall32_entry
syscall32_entry:
        push    $FLAT_USER_SS32
        push    (8 + CPUINFO_syscall_rsp)(%rsp)      /* rsp */
        push    %r11                                 /* rflags */
        push    $FLAT_USER_CS32
1:      push    %rcx                                 /* rip */
        push    $0
        push    $VECTOR_SYSCALL
        SAVE_ALL
        mov     %rsp, %rdi
        call    do_syscall
        /* fall through */

/*
 * return_to_guest: rsp -> the guest's struct hv_regs at the stack top.
 * prepare_guest_return() delivers pending work and sanitises the frame;
 * iretq is the only way back (never sysret: a non-canonical rip there
 * faults in ring 0).
 */
        .globl  return_to_guest
return_to_guest:
        cli
        mov     %rsp, %rdi
        call    prepare_guest_return
        RESTORE_ALL
        add     $16, %rsp
.Lguest_iret:
        iretq

/*
 * The iretq above faulted on a guest-supplied selector: the CPU's frame
 * went below ours and do_trap() resumed here with rsp at the guest rip.
 * Rebuild the guest frame and let the domain pay for it.
 */
.Liret_fault:
        sub     $16, %rsp
        SAVE_ALL
        mov     %rsp, %rdi
        call    iret_faulted
        jmp     return_to_guest
        .section .ex_table, "a"
        .quad   .Lguest_iret, .Liret_fault
        .previous

/*
 * enter_guest(regs): first entry of a vCPU. In: rdi = its frame at the top
 * of this CPU's stack. Never returns.
 */
        .globl  enter_guest
enter_guest:
        mov     %rdi, %rsp
        jmp     return_to_guest

/*
 * size_t raw_copy_guest(void *dst, const void *src, size_t n)
 * Copies with faults caught: returns the number of bytes NOT copied.
 * Callers have already checked that the guest range is guest address space.
 * Whole quadwords (frames, entries, most structures) go 8 bytes a step.
 */
        .globl  raw_copy_guest
raw_copy_guest:
        mov     %rdx, %rcx
        test    $7, %dl
        jnz     1f
        shr     $3, %rcx
7:      rep movsq
        xor     %eax, %eax
        ret
8:      lea     (, %rcx, 8), %rax
        ret
1:      rep movsb
        xor     %eax, %eax
        ret
2:      mov     %rcx, %rax
        ret
        .section .ex_table, "a"
        .quad   1b, 2b
        .quad   7b, 8b
        .previous

/*
 * size_t raw_clear_guest(void *dst, size_t n): like raw_copy_guest, zeroing.
 */
        .globl  raw_clear_guest
raw_clear_guest:
        mov     %rsi, %rcx
        xor     %eax, %eax
3:      rep stosb
        ret
4:      mov     %rcx, %rax
        ret
        .section .ex_table, "a"
        .quad   3b, 4b
        .previous

/*
 * int raw_read_u8_guest(uint8_t *out, const void *src): 0 or -1 on fault.
 */
        .globl  raw_read_u8_guest
raw_read_u8_guest:
        xor     %eax, %eax
5:      movb    (%rsi), %dl
        movb    %dl, (%rdi)
        ret
6:      mov     $-1, %eax
        ret
        .section .ex_table, "a"
        .quad   5b, 6b
        .previous
