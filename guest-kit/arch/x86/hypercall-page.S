/* SPDX-License-Identifier: MIT */
/*
 * The hypercall page: named in the HYPERCALL_PAGE note, the hypervisor
 * overwrites it with 128 stubs of 32 bytes before we start. Filled with
 * `ret` (0xC3) so that gk_main_entry can tell whether that happened.
 */
    .section .gk.hypercall_page, "ax", @progbits
    .balign 4096
    .globl hypercall_page
hypercall_page:
    .fill 4096, 1, 0xC3
    .size hypercall_page, . - hypercall_page

    .section .note.GNU-stack, "", @progbits
