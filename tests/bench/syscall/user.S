/* SPDX-License-Identifier: MIT */
/*
 * The user-mode half of the syscall benchmark and the kernel's syscall
 * callback. User mode runs the kernel's own page tables (registered as
 * the user table too, as XTF does), so its code and stack are ours.
 */
#include "abi/hypercall.h"
#include "abi/pv64.h"

#define IRET_STUB (hypercall_page + __HYPERVISOR_iret * HYPERCALL_PAGE_STUB_SIZE)

/* User syscall numbers (rax) the callback understands. */
#define SYS_NULL 0
#define SYS_EXIT 1

    .section .text, "ax", @progbits
    .code64

/*
 * bench_user_run: in: rdi = user entry, rsi = its argument, rdx = user
 * stack top. Saves the callee-saved registers and rsp, then enters user
 * mode at rdi with rax = rsi through the iret hypercall. Returns (in
 * kernel mode, on this stack) rdi of the user's SYS_EXIT syscall.
 *
 *   iret frame built here, lowest address first:
 *   +0   flags      0: a full IRET (not VGCF_in_syscall)
 *   +8   rip        user entry
 *   +16  cs         FLAT_USER_CS (RPL 3: enter user mode)
 *   +24  rflags     IF set: events unmasked in user mode
 *   +32  rsp        user stack top
 *   +40  ss         FLAT_USER_SS
 */
    .globl bench_user_run
bench_user_run:
    push %rbx
    push %rbp
    push %r12
    push %r13
    push %r14
    push %r15
    mov %rsp, kernel_rsp(%rip)
    pushq $FLAT_USER_SS
    push %rdx
    pushq $0x202
    pushq $FLAT_USER_CS
    push %rdi
    pushq $0
    mov %rsi, %rax          /* the iret restores rax from what the stub pushes */
    jmp IRET_STUB

/*
 * bench_syscall_entry: the syscall callback, in kernel mode on the stack
 * given to stack_switch. In: the bounce frame RCX, R11, RIP, CS, RFLAGS,
 * RSP, SS; every other register as user mode left it. SYS_NULL returns
 * at once with a SYSRET-style iret (VGCF_in_syscall); SYS_EXIT abandons
 * the frame and returns rdi from bench_user_run.
 */
    .globl bench_syscall_entry
bench_syscall_entry:
    cmp $SYS_EXIT, %eax
    je 1f
    pop %rcx
    pop %r11
    pushq $VGCF_in_syscall
    jmp IRET_STUB
1:
    mov %rdi, %rax
    mov kernel_rsp(%rip), %rsp
    pop %r15
    pop %r14
    pop %r13
    pop %r12
    pop %rbp
    pop %rbx
    ret

/*
 * bench_user_loop: user mode. In: rax = iterations (>= 1). Issues that
 * many SYS_NULL syscalls between two rdtsc, then SYS_EXIT with rdi = the
 * TSC delta. Loop state lives in callee-saved registers, which neither
 * hypervisor touches.
 */
    .globl bench_user_loop
bench_user_loop:
    mov %rax, %rbx
    rdtsc
    shl $32, %rdx
    or %rdx, %rax
    mov %rax, %r12
2:
    mov $SYS_NULL, %eax
    syscall
    dec %rbx
    jnz 2b
    rdtsc
    shl $32, %rdx
    or %rdx, %rax
    sub %r12, %rax
    mov %rax, %rdi
    mov $SYS_EXIT, %eax
    syscall
    ud2

    .section .bss
    .balign 8
kernel_rsp:
    .quad 0

    .section .note.GNU-stack, "", @progbits
