/* SPDX-License-Identifier: MIT */
/*
 * Pins UNPIN semantics: an L1 that is linked from a validated L2 but not
 * pinned cannot be unpinned (-EINVAL); a pinned L1 that is also linked can
 * be unpinned (0) and stays an L1 while linked (writable mapping -EBUSY);
 * once unlinked it can be mapped writable.
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

GK_TEST_INFO("mm-unpin-in-use", "unpinning a table that is only linked, or twice, is refused; linked tables stay typed after unpin");
static uint64_t l2, l1;

static void window(unsigned int idx)
{
    long rc = gk_mm_build_window(idx, &l2, &l1);

    if (rc)
        test_error("building the test window: %ld", rc);
}

int main(void)
{
    window(5);
    check_rc(gk_mm_unpin(l1), -XEN_EINVAL, "unpin linked, unpinned L1");
    check_rc(gk_mm_pin(1, l1), 0, "pin linked L1");
    check_rc(gk_mm_unpin(l1), 0, "unpin it");
    check_rc(gk_mm_map(4, l1, GK_PT_DATA), -XEN_EBUSY,
             "RW map while still linked");
    check_rc(gk_mm_write(gk_mm_boot_l3(), 5, 0), 0, "unlink the L2");
    check_rc(gk_mmuext1(MMUEXT_TLB_FLUSH_LOCAL, 0, 0), 0, "flush");
    check_rc(gk_mm_map(4, l1, GK_PT_DATA), 0, "RW map once unlinked");
    check_rc(gk_mm_map(5, l2, GK_PT_DATA), 0, "RW map of the old L2");
    gk_mm_unmap(4);
    gk_mm_unmap(5);
    return 0;
}
