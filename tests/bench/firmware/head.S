/* SPDX-License-Identifier: MIT */
/*
 * A null multiboot kernel, booted in place of a hypervisor: its first
 * instruction reads the TSC, which under icount is the number of
 * instructions the firmware (SeaBIOS) and QEMU's multiboot loader ran
 * since power-on; it prints that on COM1 and halts. scripts/bench.py
 * subtracts it from the guest's entry TSC to get each hypervisor's own
 * boot cost.
 */
#define COM1 0x3F8

    .section .text, "ax", @progbits
    .code32

    /* The multiboot header: first in .text, so in the file's first 8 KiB. */
    .balign 4
    .long 0x1BADB002            /* magic */
    .long 0                     /* flags: take the layout from the ELF */
    .long -0x1BADB002           /* checksum */

/* _start: in: 32-bit protected mode, as multiboot leaves it. */
    .globl _start
_start:
    rdtsc
    mov %edx, %edi              /* high half */
    mov %eax, %ebp              /* low half */
    mov $msg, %esi
    call puts
    mov %edi, %ebx
    call puthex32
    mov %ebp, %ebx
    call puthex32
    mov $'\n', %al
    call putc
1:
    cli
    hlt
    jmp 1b

/* putc: in: al = the byte. Clobbers edx. */
putc:
    mov $COM1, %dx
    outb %al, %dx
    ret

/* puts: in: esi = NUL-terminated string. Clobbers eax, edx, esi. */
puts:
    lodsb
    test %al, %al
    jz 2f
    call putc
    jmp puts
2:
    ret

/* puthex32: in: ebx = the value, printed as 8 hex digits. Clobbers eax, ecx, edx. */
puthex32:
    mov $8, %ecx
3:
    rol $4, %ebx
    mov %ebx, %eax
    and $0xF, %eax
    mov hexdigits(%eax), %al
    call putc
    dec %ecx
    jnz 3b
    ret

    .section .rodata
msg:
    .asciz "BENCH-FIRMWARE entry_tsc=0x"
hexdigits:
    .ascii "0123456789abcdef"

    .section .note.GNU-stack, "", @progbits
