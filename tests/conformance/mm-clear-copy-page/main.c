/* SPDX-License-Identifier: MIT */
/*
 * Pins MMUEXT_CLEAR_PAGE and MMUEXT_COPY_PAGE: clearing and copying into a
 * data frame works (a page table may be the source); a pinned table as the
 * destination is -EINVAL.
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

GK_TEST_INFO("mm-clear-copy-page", "CLEAR_PAGE and COPY_PAGE write data frames only");

int main(void)
{
    uint64_t a = gk_mm_alloc(), b = gk_mm_alloc(), t = gk_mm_alloc();
    uint64_t *p = gk_mm_map_or_die(12, a, GK_PT_DATA);

    for (int i = 0; i < 512; i++)
        p[i] = i * 3 + 1;
    gk_mm_unmap(12);
    check_rc(gk_mmuext1(MMUEXT_COPY_PAGE, b, a), 0, "copy a -> b");
    check_eq(gk_mm_read(b, 511), 511 * 3 + 1, "copied");
    check_rc(gk_mmuext1(MMUEXT_CLEAR_PAGE, a, 0), 0, "clear a");
    check_eq(gk_mm_read(a, 5), 0, "cleared");
    check_rc(gk_mm_pin(1, t), 0, "pin L1");
    check_rc(gk_mmuext1(MMUEXT_CLEAR_PAGE, t, 0), -XEN_EINVAL, "clear L1");
    check_rc(gk_mmuext1(MMUEXT_COPY_PAGE, t, b), -XEN_EINVAL, "copy to L1");
    check_rc(gk_mmuext1(MMUEXT_COPY_PAGE, b, t), 0, "copy from L1");
    check_rc(gk_mm_unpin(t), 0, "unpin");
    return 0;
}
