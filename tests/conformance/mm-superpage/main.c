/* SPDX-License-Identifier: MIT */
/*
 * Pins the absence of PV superpages: PSE in an L2 or L3 entry is -EINVAL,
 * MMUEXT_MARK_SUPER and UNMARK_SUPER are -EOPNOTSUPP.
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

GK_TEST_INFO("mm-superpage", "PSE entries and MARK_SUPER are refused");
static uint64_t l2, l1;

static void window(unsigned int idx)
{
    long rc = gk_mm_build_window(idx, &l2, &l1);

    if (rc)
        test_error("building the test window: %ld", rc);
}

int main(void)
{
    uint64_t d = gk_mm_alloc();

    window(8);
    check_rc(gk_mm_write(l2, 1, (d << 12) | GK_PT_TABLE | PTE_PSE),
             -XEN_EINVAL, "PSE in L2");
    check_rc(gk_mm_write(gk_mm_boot_l3(), 9,
                         (d << 12) | GK_PT_TABLE | PTE_PSE),
             -XEN_EINVAL, "PSE in L3");
    check_rc(gk_mmuext1(MMUEXT_MARK_SUPER, d, 0), -XEN_EOPNOTSUPP,
             "MARK_SUPER");
    check_rc(gk_mmuext1(MMUEXT_UNMARK_SUPER, d, 0), -XEN_EOPNOTSUPP,
             "UNMARK_SUPER");
    return 0;
}
