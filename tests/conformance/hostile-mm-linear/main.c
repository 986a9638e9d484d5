/* SPDX-License-Identifier: MIT */
/*
 * Hostile-guest test 3 (PT-LINEAR): an L4 entry naming the L4 itself
 * read-write, and an L2 entry naming its own L2 read-write, are -EINVAL.
 * Read-only self-references are allowed by Xen and refused by hv (hv has
 * no linear page tables, see docs/architecture.md); where accepted, turning
 * them writable is refused.
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

GK_TEST_INFO("hostile-mm-linear", "writable recursive (linear) page-table entries are refused");
static uint64_t l2, l1;

static void window(unsigned int idx)
{
    long rc = gk_mm_build_window(idx, &l2, &l1);

    if (rc)
        test_error("building the test window: %ld", rc);
}

int main(void)
{
    uint64_t l4 = gk_mm_l4_mfn();
    long rc;

    window(22);
    check_rc(gk_mm_write(l4, 301, (l4 << 12) | GK_PT_TABLE), -XEN_EINVAL,
             "RW self-map in L4");
    check_rc(gk_mm_write(l2, 5, (l2 << 12) | GK_PT_TABLE), -XEN_EINVAL,
             "RW self-map in L2");
    rc = gk_mm_write(l4, 301, (l4 << 12) | PTE_P | PTE_A);
    if (gk_on_xen())
        check_rc(rc, 0, "RO self-map in L4 (Xen allows linear tables)");
    else
        check_rc(rc, -XEN_EINVAL, "RO self-map in L4 (hv refuses them)");
    if (!rc) {
        check_rc(gk_mm_write(l4, 301, (l4 << 12) | GK_PT_TABLE), -XEN_EINVAL,
                 "RW flip of the RO self-map");
        check_rc(gk_mm_write(l4, 301, 0), 0, "clear the self-map");
    }
    return 0;
}
