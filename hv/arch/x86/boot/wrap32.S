/* SPDX-License-Identifier: MIT */
/*
 * The 32-bit ELF container QEMU's multiboot loader needs: hv's flat image
 * at its load address, followed by room for its .bss.
 */
        .section .text, "ax"
        .globl  hv_image
hv_image:
        .incbin HV_BIN
        .globl  _start
        .set    _start, hv_image + HV_ENTRY_OFFSET

        .section .bss, "aw", @nobits
        .skip   HV_BSS_SIZE
