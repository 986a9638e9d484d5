/* SPDX-License-Identifier: MIT */
/*
 * The toy's user program, the same bytes before and after the port: a
 * user program never notices it runs on a paravirtualized kernel. The
 * kernel copies user_start..user_end to a user page; the code is
 * position-independent.
 *
 * System calls: int $0x80 with rax = number, rdi/rsi = arguments,
 * result in rax. 1 write(buf, len), 2 sleep(ticks), 3 ticks().
 */
#define SYS_WRITE 1
#define SYS_SLEEP 2

    .section .rodata, "a", @progbits
    .code64

/*
 * user_start: entered in ring 3 at the copied address with rsp = top of
 * the user stack. Never returns: its last act faults on kernel memory.
 */
    .globl user_start, user_end
user_start:
    lea hello(%rip), %rdi
    mov $hello_len, %esi
    mov $SYS_WRITE, %eax
    int $0x80

    mov $3, %r12d               /* callee-saved across the calls */
1:  mov $SYS_SLEEP, %eax
    mov $10, %edi               /* ten ticks: 100 ms */
    int $0x80
    lea tick(%rip), %rdi
    mov $tick_len, %esi
    mov $SYS_WRITE, %eax
    int $0x80
    dec %r12d
    jnz 1b

    int3                        /* a breakpoint: the kernel resumes us */

    mov $0x100000, %rax         /* the kernel's own image */
    mov (%rax), %rax            /* not mapped for user mode: #PF */
    ud2

hello:  .ascii "user: hello from ring 3\n"
        hello_len = . - hello
tick:   .ascii "user: 100 ms later\n"
        tick_len = . - tick
user_end:

    .section .note.GNU-stack, "", @progbits
