/* SPDX-License-Identifier: MIT */
/*
 * Pins the bits the hypervisor adds to present entries (reference §5.5):
 * an L1 kernel mapping (no US) gains US and bit 52, an L1 user mapping
 * gains G, G given by the guest on L1 is kept; L2 and L3 entries gain US;
 * not-present entries are stored exactly as written.
 */
#include "abi/errno.h"
#include "abi/memory.h"
#include "abi/mmu.h"
#include "gk/boot.h"
#include "gk/hypercall.h"
#include "gk/mm.h"
#include "gk/pagetable.h"
#include "gk/test.h"
#include "gk/traps.h"
#include "gk/x86.h"

GK_TEST_INFO("mm-pte-bits", "what guests read back from entries the hypervisor adjusted");
static uint64_t l2, l1;

static void window(unsigned int idx)
{
    long rc = gk_mm_build_window(idx, &l2, &l1);

    if (rc)
        test_error("building the test window: %ld", rc);
}

int main(void)
{
    uint64_t d = gk_mm_alloc(), f = d << 12;

    window(4);
    check_rc(gk_mm_write(l1, 0, f | GK_PT_DATA), 0, "kernel mapping");
    check_eq(gk_mm_read(l1, 0), f | GK_PT_DATA | PTE_US | (1UL << 52),
             "kernel mapping read back");
    check_rc(gk_mm_write(l1, 1, f | GK_PT_DATA | PTE_US), 0, "user mapping");
    check_eq(gk_mm_read(l1, 1), f | GK_PT_DATA | PTE_US | PTE_G,
             "user mapping read back");
    check_rc(gk_mm_write(l1, 2, f | GK_PT_DATA | PTE_G), 0, "kernel + G");
    check_eq(gk_mm_read(l1, 2), f | GK_PT_DATA | PTE_G | PTE_US | (1UL << 52),
             "kernel + G read back");
    check_rc(gk_mm_write(l1, 3, 0xFFFFFFFFFFFFFFFEUL), 0, "not present");
    check_eq(gk_mm_read(l1, 3), 0xFFFFFFFFFFFFFFFEUL, "not present kept");
    check_rc(gk_mm_write(l2, 1, (l1 << 12) | PTE_P | PTE_A), 0,
             "second RO link of the L1");
    check_eq(gk_mm_read(l2, 1), (l1 << 12) | PTE_P | PTE_A | PTE_US,
             "L2 entry gains US");
    check_eq(gk_mm_read(gk_mm_boot_l3(), 4), (l2 << 12) | GK_PT_TABLE,
             "L3 entry as written (US given)");
    return 0;
}
