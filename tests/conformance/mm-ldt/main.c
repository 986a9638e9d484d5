/* SPDX-License-Identifier: MIT */
/*
 * Pins MMUEXT_SET_LDT: with a page holding a flat 32-bit data descriptor
 * (DPL 3) mapped read-only and set as a 2-entry LDT, selector 0x7 (entry
 * 0, TI=1, RPL 3) loads into %es; selector 0x17 (entry 2, past the limit)
 * raises #GP with error code 0x14; while it is the LDT the page cannot be
 * mapped writable (update_va_mapping refused); after SET_LDT(0, 0) the
 * page can be made writable again and selector 0x7 raises #GP(0x4).
 */
#include "abi/errno.h"
#include "abi/memory.h"
#include "abi/mmu.h"
#include "gk/hypercall.h"
#include "gk/mm.h"
#include "gk/test.h"
#include "gk/traps.h"
#include "gk/x86.h"

GK_TEST_INFO("mm-ldt", "SET_LDT loads an LDT of checked descriptors");

static uint64_t ldt[512] __attribute__((aligned(4096)));

static long set_ldt(uint64_t va, unsigned int ents)
{
    struct mmuext_op op = { .cmd = MMUEXT_SET_LDT };

    op.arg1.linear_addr = va;
    op.arg2.nr_ents = ents;
    return HYPERVISOR_mmuext_op(&op, 1, NULL, DOMID_SELF);
}

static long map_ldt_page(bool writable)
{
    uint64_t mfn = gk_mm_va_to_mfn((uint64_t)ldt);

    return HYPERVISOR_update_va_mapping((uint64_t)ldt,
                                        (mfn << 12) | 0x25 | (writable ? 2 : 0),
                                        UVMF_INVLPG);
}

/* Load sel into %es; returns the #GP error code, or -1 if it loaded. */
static long load_es(uint16_t sel)
{
    unsigned int before = gk_nr_traps;

    /* A fault resumes at 2: through guest-kit's exception table. */
    __asm__ volatile("1: mov %0, %%es\n\t2:" GK_EXTABLE(1b, 2b)
                     :: "r"(sel) : "memory");
    __asm__ volatile("mov %0, %%es" :: "r"(0));
    return gk_nr_traps == before ? -1 : (long)gk_last_trap.error_code;
}

int main(void)
{
    ldt[0] = 0x00CFF3000000FFFFULL;     /* flat data, DPL 3 */
    ldt[1] = 0x00CFF3000000FFFFULL;
    check_rc(map_ldt_page(false), 0, "map the LDT page read-only");
    check_rc(set_ldt((uint64_t)ldt, 2), 0, "SET_LDT with 2 entries");
    check_eq(load_es(0x7), -1, "selector 0x7 (LDT entry 0)");
    check_eq(load_es(0x17), 0x14, "#GP error code of entry 2, past the limit");
    check(map_ldt_page(true) < 0, "the LDT page was mapped writable");
    check_rc(set_ldt(0, 0), 0, "SET_LDT(0, 0)");
    check_rc(map_ldt_page(true), 0, "writable again after the LDT is gone");
    check_eq(load_es(0x7), 0x4, "#GP error code of 0x7 with no LDT");
    return 0;
}
