/* SPDX-License-Identifier: MIT */
/*
 * Pins #SS: loading %ss with a selector whose descriptor is not present
 * raises #SS(selector), bounced to vector 12 with error code = the
 * selector without RPL, RIP at the mov. (A non-canonical %rbp access
 * would be #SS on hardware but is #GP under QEMU's TCG, so the descriptor
 * route is used.) The descriptor lives in a guest GDT set with set_gdt.
 */
#include <string.h>

#include "abi/mmu.h"
#include "gk/hypercall.h"
#include "gk/pagetable.h"
#include "gk/test.h"
#include "gk/traps.h"
#include "gk/x86.h"

GK_TEST_INFO("trap-ss", "#SS from loading a not-present stack segment");

/* Flat writable data, DPL 3, present bit clear. */
#define DESC_DATA_NOT_PRESENT 0x00CF73000000FFFFUL

static uint64_t gdt[512] __attribute__((aligned(4096)));

int main(void)
{
    unsigned long frame = gk_virt_to_ma(gdt) >> PAGE_SHIFT;
    uint16_t sel = (4 << 3) | 3;
    unsigned int before;
    uint64_t rip;

    memset(gdt, 0, sizeof(gdt));
    gdt[4] = DESC_DATA_NOT_PRESENT;
    if (HYPERVISOR_update_va_mapping((unsigned long)gdt,
                                     (frame << PAGE_SHIFT) | PTE_P | PTE_A,
                                     UVMF_INVLPG))
        test_error("cannot map the GDT page read-only");
    if (HYPERVISOR_set_gdt(&frame, 512))
        test_error("set_gdt refused a one-page GDT");

    before = gk_nr_traps;
    __asm__ volatile("lea 1f(%%rip), %0\n\t1: mov %1, %%ss\n\t2:"
                     GK_EXTABLE(1b, 2b) : "=&r"(rip) : "r"(sel));
    check_eq(gk_nr_traps, before + 1, "exceptions");
    check_eq(gk_last_trap.vector, X86_EXC_SS, "vector");
    check_eq(gk_last_trap.error_code, sel & ~3, "error code");
    check_eq(gk_last_trap.rip, rip, "RIP");
    return 0;
}
