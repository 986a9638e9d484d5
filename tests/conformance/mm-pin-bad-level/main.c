/* SPDX-License-Identifier: MIT */
/*
 * Pins the level rules of MMUEXT_PIN_Ln_TABLE: a frame pinned as L1 cannot
 * be pinned as L2 (-EINVAL); an L2 whose entry names a frame mapped
 * writable does not validate (-EINVAL); an L3 whose entry names an L1 in
 * use does not validate; a frame mapped writable cannot be pinned; a data
 * frame cannot be unpinned.
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

GK_TEST_INFO("mm-pin-bad-level", "pins at the wrong level and of tables that do not validate are refused");

int main(void)
{
    uint64_t a = gk_mm_alloc(), b = gk_mm_alloc(), c = gk_mm_alloc();

    check_rc(gk_mm_pin(1, a), 0, "pin as L1");
    check_rc(gk_mm_pin(2, a), -XEN_EINVAL, "same frame as L2");
    check_rc(gk_mm_pin(4, a), -XEN_EINVAL, "same frame as L4");
    gk_mm_map_or_die(3, c, GK_PT_DATA);
    check_rc(gk_mm_write(b, 0, (c << 12) | PTE_P), 0, "b[0] -> c");
    check_rc(gk_mm_pin(2, b), -XEN_EINVAL, "L2 naming a RW-mapped frame");
    check_rc(gk_mm_pin(1, c), -XEN_EINVAL, "pin of a RW-mapped frame");
    check_rc(gk_mm_write(b, 0, (a << 12) | PTE_P), 0, "b[0] -> L1 a");
    check_rc(gk_mm_pin(3, b), -XEN_EINVAL, "L3 naming an L1");
    check_rc(gk_mm_pin(2, b), 0, "L2 naming the L1");
    check_rc(gk_mm_unpin(c), -XEN_EINVAL, "unpin a data frame");
    check_rc(gk_mm_unpin(b), 0, "unpin L2");
    check_rc(gk_mm_unpin(a), 0, "unpin L1");
    gk_mm_unmap(3);
    return 0;
}
