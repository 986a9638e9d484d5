/* SPDX-License-Identifier: MIT */
/*
 * Pins MMUEXT_PIN_L4_TABLE and MMUEXT_UNPIN_TABLE on a fresh zeroed
 * frame: the pin validates it (0), pinning again is -EINVAL, the pinned
 * frame cannot be mapped writable (-EBUSY) but can be mapped read-only,
 * unpinning is 0, unpinning again -EINVAL, and afterwards the frame can be
 * mapped writable again.
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

GK_TEST_INFO("mm-pin-l4", "pin and unpin a fresh L4 table, twice-pinning and twice-unpinning refused");

int main(void)
{
    uint64_t t = gk_mm_alloc();
    uint64_t c = gk_mm_alloc();

    check_rc(gk_mm_write(t, 5, (c << 12) | PTE_P | PTE_A), 0, "entry to a child");
    check_rc(gk_mm_pin(4, t), 0, "pin");
    check_rc(gk_mm_pin(4, t), -XEN_EINVAL, "pin again");
    check_rc(gk_mm_map(1, t, GK_PT_DATA), -XEN_EBUSY, "RW map of pinned");
    check_rc(gk_mm_map(1, t, GK_PT_RO), 0, "RO map of pinned");
    check_rc(gk_mm_unmap(1), 0, "unmap");
    check_rc(gk_mm_map(2, c, GK_PT_DATA), -XEN_EBUSY, "RW map of the validated child");
    check_rc(gk_mm_unpin(t), 0, "unpin");
    check_rc(gk_mm_unpin(t), -XEN_EINVAL, "unpin again");
    check_rc(gk_mm_map(1, t, GK_PT_DATA), 0, "RW map after unpin");
    check_rc(gk_mm_map(2, c, GK_PT_DATA), 0, "RW map of the child after unpin");
    gk_mm_unmap(1);
    gk_mm_unmap(2);
    return 0;
}
