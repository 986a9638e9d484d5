/* SPDX-License-Identifier: MIT */
/*
 * Pins the allowed bits per level: PWT, PCD and G in L2/L3/L4 entries are
 * -EINVAL; in L1 entries of the privileged test domain PCD/PWT/PAT and G
 * are accepted; bits 9-11, 52-62 and NX are accepted everywhere.
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

GK_TEST_INFO("mm-reserved-bits", "cache and global bits above L1 are refused; L1 takes them");
static uint64_t l2, l1;

static void window(unsigned int idx)
{
    long rc = gk_mm_build_window(idx, &l2, &l1);

    if (rc)
        test_error("building the test window: %ld", rc);
}

int main(void)
{
    uint64_t d = gk_mm_alloc(), t = (l1 << 12);

    window(9);
    t = l1 << 12;
    check_rc(gk_mm_write(l2, 2, t | GK_PT_TABLE | PTE_PWT), -XEN_EINVAL,
             "PWT in L2");
    check_rc(gk_mm_write(l2, 2, t | GK_PT_TABLE | PTE_PCD), -XEN_EINVAL,
             "PCD in L2");
    check_rc(gk_mm_write(l2, 2, t | GK_PT_TABLE | PTE_G), -XEN_EINVAL,
             "G in L2");
    check_rc(gk_mm_write(gk_mm_l4_mfn(), 300, (gk_mm_boot_l3() << 12) |
                         GK_PT_TABLE | PTE_G), -XEN_EINVAL, "G in L4");
    check_rc(gk_mm_write(l2, 2, t | GK_PT_TABLE | PTE_NX | (7UL << 9) |
                         (0x3FFUL << 52)), 0, "NX and available bits");
    check_rc(gk_mm_write(l1, 1, (d << 12) | GK_PT_DATA | PTE_PCD | PTE_PWT),
             0, "PCD|PWT in L1 (privileged)");
    check_rc(gk_mm_write(l1, 2, (d << 12) | GK_PT_DATA | PTE_PSE), 0,
             "PAT in L1 (privileged)");
    check_rc(gk_mm_write(l1, 3, (d << 12) | GK_PT_DATA | PTE_G | PTE_NX),
             0, "G and NX in L1");
    return 0;
}
