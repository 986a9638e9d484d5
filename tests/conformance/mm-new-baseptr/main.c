/* SPDX-License-Identifier: MIT */
/*
 * Pins MMUEXT_NEW_BASEPTR: a new L4 that shares the boot L3 and maps one
 * extra frame at a VA only it maps validates and is loaded at once (the
 * extra VA becomes readable, and the current code keeps running); switching
 * back hides it again. A non-L4 frame is -EINVAL and leaves cr3 alone.
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

GK_TEST_INFO("mm-new-baseptr", "build a second address space, switch to it with NEW_BASEPTR and back");

int main(void)
{
    uint64_t boot = gk_mm_l4_mfn(), l4 = gk_mm_alloc(), l3 = gk_mm_alloc();
    uint64_t l2 = gk_mm_alloc(), l1 = gk_mm_alloc(), d = gk_mm_alloc();
    uint64_t va = 1UL << 39, v;
    uint64_t *p = gk_mm_map_or_die(8, d, GK_PT_DATA);

    p[0] = 0xC0FFEE;
    gk_mm_unmap(8);
    check_rc(gk_mm_write(l1, 0, (d << 12) | GK_PT_RO), 0, "l1");
    check_rc(gk_mm_write(l2, 0, (l1 << 12) | GK_PT_TABLE), 0, "l2");
    check_rc(gk_mm_write(l3, 0, (l2 << 12) | GK_PT_TABLE), 0, "l3");
    check_rc(gk_mm_write(l4, 0, gk_mm_read(boot, 0)), 0, "share boot L3");
    check_rc(gk_mm_write(l4, 1, (l3 << 12) | GK_PT_TABLE), 0, "slot 1");
    check_rc(gk_mm_pin(4, l4), 0, "pin new L4");
    check(!gk_mm_try_read(va, &v), "VA unmapped in the boot space");
    check_rc(gk_mmuext1(MMUEXT_NEW_BASEPTR, l4, 0), 0, "switch");
    check(gk_mm_try_read(va, &v) && v == 0xC0FFEE, "VA mapped in new space");
    check_rc(gk_mmuext1(MMUEXT_NEW_BASEPTR, l1, 0), -XEN_EINVAL,
             "NEW_BASEPTR to an L1");
    check(gk_mm_try_read(va, &v), "still in the new space");
    check_rc(gk_mmuext1(MMUEXT_NEW_BASEPTR, boot, 0), 0, "switch back");
    check(!gk_mm_try_read(va, &v), "VA unmapped again");
    check_rc(gk_mm_unpin(l4), 0, "unpin new L4");
    check_rc(gk_mm_map(8, l3, GK_PT_DATA), 0, "its L3 is free again");
    gk_mm_unmap(8);
    return 0;
}
