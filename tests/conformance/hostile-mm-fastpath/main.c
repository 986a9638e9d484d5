/* SPDX-License-Identifier: MIT */
/*
 * Hostile-guest test 2 (PT-FASTPATH, XSA-148/182): for a valid L2 entry
 * and a valid L4 entry, changing only PSE, PCD, PWT or G is refused;
 * changing only the frame to one that cannot be a table at that level is
 * refused; changing only RW of an L1 entry to a table frame is refused;
 * each refused entry keeps its old value.
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

GK_TEST_INFO("hostile-mm-fastpath", "changing only RW, PSE, PCD, G or the frame of an entry gets a full check");
static uint64_t l2, l1;

static void window(unsigned int idx)
{
    long rc = gk_mm_build_window(idx, &l2, &l1);

    if (rc)
        test_error("building the test window: %ld", rc);
}

int main(void)
{
    uint64_t d = gk_mm_alloc(), l4 = gk_mm_l4_mfn(), e2, e4;
    uint64_t bad[4] = { PTE_PSE, PTE_PCD, PTE_PWT, PTE_G };

    window(21);
    e2 = gk_mm_read(l2, 0);
    check_rc(gk_mm_write(l4, 300, gk_mm_read(l4, 0)), 0, "second L4 link");
    e4 = gk_mm_read(l4, 300);
    for (int i = 0; i < 4; i++) {
        check_rc(gk_mm_write(l2, 0, e2 | bad[i]), -XEN_EINVAL, "L2 bit flip");
        check_eq(gk_mm_read(l2, 0), e2, "L2 entry kept");
        check_rc(gk_mm_write(l4, 300, e4 | bad[i]), -XEN_EINVAL, "L4 bit flip");
        check_eq(gk_mm_read(l4, 300), e4, "L4 entry kept");
    }
    gk_mm_map_or_die(17, d, GK_PT_DATA);
    check_rc(gk_mm_write(l2, 0, (e2 & ~PTE_ADDR_MASK) | (d << 12)),
             -XEN_EINVAL, "L2 frame swap to a writable frame");
    check_rc(gk_mm_write(l4, 300, (e4 & ~PTE_ADDR_MASK) | (l2 << 12)),
             -XEN_EINVAL, "L4 frame swap to an L2");
    gk_mm_unmap(17);
    check_rc(gk_mm_write(l1, 0, (l2 << 12) | GK_PT_RO), 0, "RO map of L2");
    check_rc(gk_mm_write(l1, 0, (l2 << 12) | GK_PT_DATA), -XEN_EBUSY,
             "RW flip to the L2");
    check_rc(gk_mm_write(l4, 300, 0), 0, "drop second link");
    return 0;
}
