/* SPDX-License-Identifier: MIT */
/*
 * Pins MMUEXT_NEW_USER_BASEPTR: the boot L4 is accepted, as is a fresh
 * unpinned L4 (validated on the spot, and typed while it is the user
 * table); an L1 is -EINVAL; 0 clears the user table and releases the
 * fresh L4.
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

GK_TEST_INFO("mm-new-user-baseptr", "NEW_USER_BASEPTR takes an L4, refuses other frames, and 0 clears it");

int main(void)
{
    uint64_t n = gk_mm_alloc(), t = gk_mm_alloc();

    check_rc(gk_mm_pin(1, t), 0, "pin L1");
    check_rc(gk_mmuext1(MMUEXT_NEW_USER_BASEPTR, gk_mm_l4_mfn(), 0), 0,
             "boot L4");
    check_rc(gk_mmuext1(MMUEXT_NEW_USER_BASEPTR, t, 0), -XEN_EINVAL, "L1");
    check_rc(gk_mmuext1(MMUEXT_NEW_USER_BASEPTR, n, 0), 0, "fresh L4");
    check_rc(gk_mm_map(9, n, GK_PT_DATA), -XEN_EBUSY, "it is an L4 now");
    check_rc(gk_mmuext1(MMUEXT_NEW_USER_BASEPTR, 0, 0), 0, "clear");
    check_rc(gk_mm_map(9, n, GK_PT_DATA), 0, "released");
    gk_mm_unmap(9);
    check_rc(gk_mm_unpin(t), 0, "unpin");
    return 0;
}
