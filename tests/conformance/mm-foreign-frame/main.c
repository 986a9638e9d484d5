/* SPDX-License-Identifier: MIT */
/*
 * Pins ownership checks with a frame the guest does not own: the L3 the
 * hypervisor put in L4 slot 261 (its own memory). An L1 entry mapping it
 * (even read-only) is -EBUSY; pinning it, NEW_BASEPTR to it, CLEAR_PAGE,
 * COPY_PAGE from it, MACHPHYS_UPDATE of it and mmu_update writes into it
 * are -EINVAL; linking it from an L2 is -EINVAL.
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

GK_TEST_INFO("mm-foreign-frame", "frames of the hypervisor are refused at every entry point");
static uint64_t l2, l1;

static void window(unsigned int idx)
{
    long rc = gk_mm_build_window(idx, &l2, &l1);

    if (rc)
        test_error("building the test window: %ld", rc);
}

int main(void)
{
    uint64_t x = (gk_mm_read(gk_mm_l4_mfn(), 261) & PTE_ADDR_MASK) >> 12;
    uint64_t d = gk_mm_alloc();

    if (!x)
        test_error("L4 slot 261 is empty");
    window(7);
    check_rc(gk_mm_write(l1, 0, (x << 12) | GK_PT_RO), -XEN_EBUSY,
             "RO map of hypervisor frame");
    check_rc(gk_mm_write(l1, 0, (x << 12) | GK_PT_DATA), -XEN_EBUSY,
             "RW map of hypervisor frame");
    check_rc(gk_mm_map(7, x, GK_PT_RO), -XEN_EBUSY, "uva RO map");
    check_rc(gk_mm_write(l2, 1, (x << 12) | GK_PT_TABLE), -XEN_EINVAL,
             "L2 entry naming it");
    check_rc(gk_mm_pin(1, x), -XEN_EINVAL, "pin it");
    check_rc(gk_mm_unpin(x), -XEN_EINVAL, "unpin it");
    check_rc(gk_mmuext1(MMUEXT_NEW_BASEPTR, x, 0), -XEN_EINVAL,
             "NEW_BASEPTR to it");
    check_rc(gk_mmuext1(MMUEXT_CLEAR_PAGE, x, 0), -XEN_EINVAL, "clear it");
    check_rc(gk_mmuext1(MMUEXT_COPY_PAGE, d, x), -XEN_EINVAL, "copy from it");
    check_rc(gk_mmu_update1((x << 12) | MMU_MACHPHYS_UPDATE, 5), -XEN_EINVAL,
             "M2P of it");
    check_rc(gk_mm_write(x, 0, 0), -XEN_EINVAL, "write into it");
    return 0;
}
