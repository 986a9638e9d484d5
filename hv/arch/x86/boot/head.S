/* SPDX-License-Identifier: MIT */
/*
 * First instructions of hv: the multiboot header QEMU's -kernel looks for,
 * and the 32-bit protected-mode entry that switches to long mode on boot
 * page tables and jumps to start_hv() at hv's linked (direct-map) address.
 */
#include <hv/config.h>
#include "arch/x86/regs.h"

#define MB_MAGIC      0x1BADB002
#define MB_FLAGS      0x00000003        /* page-align modules, want mem info */
#define MB_BOOT_MAGIC 0x2BADB002
#define PA(sym)       ((sym) - DIRECTMAP_VIRT_START)

        .section .text.boot, "ax"
        .code32
        .align 4
multiboot_header:
        .long MB_MAGIC
        .long MB_FLAGS
        .long -(MB_MAGIC + MB_FLAGS)

/*
 * _start32: multiboot entry.
 * In:  eax = MB_BOOT_MAGIC, ebx = PA of the multiboot info; 32-bit flat
 *      protected mode, paging off, interrupts off, no stack.
 * Out: never returns; start_hv(mbi_pa) on the boot stack in long mode.
 */
        .globl _start32
_start32:
        cli
        cld
        mov     %ebx, %ebp              /* keep the MBI pointer */
        cmp     $MB_BOOT_MAGIC, %eax
        jne     .Lno_multiboot

        /* Zero .bss: it holds the boot page tables and stacks. */
        mov     $PA(__bss_start), %edi
        mov     $PA(__bss_end), %ecx
        sub     %edi, %ecx
        xor     %eax, %eax
        rep stosb

        /* Boot L2s: identity-map 0-4 GiB with 2 MiB pages (P|RW|PS). */
        mov     $PA(boot_l2), %edi
        mov     $0x83, %eax
        xor     %edx, %edx
        mov     $2048, %ecx
1:      mov     %eax, (%edi)
        mov     %edx, 4(%edi)
        add     $0x200000, %eax
        adc     $0, %edx
        add     $8, %edi
        loop    1b

        /* Boot L3: four L2s. */
        mov     $PA(boot_l3), %edi
        mov     $PA(boot_l2) + 3, %eax
        mov     $4, %ecx
2:      mov     %eax, (%edi)
        add     $4096, %eax
        add     $8, %edi
        loop    2b

        /* Boot L4: slot 0 (identity, for the switch) and the direct map. */
        mov     $PA(boot_l3) + 3, %eax
        mov     %eax, PA(boot_l4)
        mov     %eax, PA(boot_l4) + DIRECTMAP_L4_SLOT * 8

        mov     %cr4, %eax
        or      $(1 << 5), %eax         /* PAE */
        mov     %eax, %cr4
        mov     $PA(boot_l4), %eax
        mov     %eax, %cr3
        mov     $0xC0000080, %ecx       /* EFER.LME */
        rdmsr
        or      $(1 << 8), %eax
        wrmsr
        mov     %cr0, %eax
        or      $0x80010001, %eax       /* PG | WP | PE */
        mov     %eax, %cr0

        lgdt    PA(boot_gdtr)
        ljmp    $0x08, $PA(.Lstart64)

.Lno_multiboot:
        hlt
        jmp     .Lno_multiboot

        .code64
.Lstart64:
        movabs  $.Lhigh, %rax
        jmp     *%rax
.Lhigh:
        mov     $0x10, %eax
        mov     %eax, %ds
        mov     %eax, %es
        mov     %eax, %ss
        xor     %eax, %eax
        mov     %eax, %fs
        mov     %eax, %gs
        /* The stack top holds struct cpu_info: start below it. */
        lea     boot_stack + STACK_SIZE - CPUINFO_TOTAL(%rip), %rsp
        mov     %ebp, %edi              /* start_hv(mbi_pa) */
        call    start_hv
3:      hlt
        jmp     3b

        .section .rodata.boot, "a"
        .align 8
boot_gdt:
        .quad   0
        .quad   0x00AF9A000000FFFF      /* 0x08: ring-0 code64 */
        .quad   0x00CF92000000FFFF      /* 0x10: ring-0 data */
boot_gdt_end:
        .word   0
boot_gdtr:
        .word   boot_gdt_end - boot_gdt - 1
        .long   PA(boot_gdt)

        .section .bss.boot, "aw", @nobits
        .align  4096
        .globl  boot_l4, boot_stack
boot_l4:    .skip 4096
boot_l3:    .skip 4096
boot_l2:    .skip 4 * 4096
        .align  STACK_SIZE
boot_stack: .skip STACK_SIZE
