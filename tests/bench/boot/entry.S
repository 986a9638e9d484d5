/* SPDX-License-Identifier: MIT */
/*
 * The boot benchmark's first instruction. This kernel links a copy of
 * guest-kit's head.o whose _start is weak and also named gk_head_start
 * (tests/bench/boot/files.mk), so the ENTRY note and the ELF entry point
 * resolve to this _start instead: it reads the TSC, which under icount
 * counts instructions since power-on, then runs guest-kit's entry as if
 * nothing happened (rax and rdx are the only registers changed).
 */
    .section .text, "ax", @progbits
    .code64

/* _start: in: the boot protocol's registers. Out: to gk_head_start. */
    .globl _start
_start:
    rdtsc
    mov %eax, bench_entry_tsc(%rip)
    mov %edx, bench_entry_tsc + 4(%rip)
    jmp gk_head_start

    /* .data, not .bss: head.S zeroes .bss after this store. */
    .section .data
    .balign 8
    .globl bench_entry_tsc
bench_entry_tsc:
    .quad 0

    .section .note.GNU-stack, "", @progbits
