/* SPDX-License-Identifier: MIT */
/*
 * Hostile-guest test 1 (PT-WRITABLE-PT, XSA-182 pattern): with an L1 entry
 * mapping a pinned L2 read-only, flipping only RW (the fast path) is
 * refused, also through PRESERVE_AD and update_va_mapping and inside a
 * multicall; pinning a frame while a writable mapping of it exists is
 * refused; the read-only mapping still faults on write and the table is
 * unchanged.
 */
#include "abi/errno.h"
#include "abi/memory.h"
#include "abi/multicall.h"
#include "abi/mmu.h"
#include "gk/boot.h"
#include "gk/hypercall.h"
#include "gk/mm.h"
#include "gk/pagetable.h"
#include "gk/test.h"
#include "gk/traps.h"
#include "gk/x86.h"

GK_TEST_INFO("hostile-mm-writable-pt", "every way to get a writable mapping of a page table fails");
static uint64_t l2, l1;

static void window(unsigned int idx)
{
    long rc = gk_mm_build_window(idx, &l2, &l1);

    if (rc)
        test_error("building the test window: %ld", rc);
}

int main(void)
{
    uint64_t t = gk_mm_alloc(), d = gk_mm_alloc(), e = gk_mm_alloc();
    uint64_t va = 20UL << 30;
    struct multicall_entry mc = { .op = __HYPERVISOR_update_va_mapping };

    /* An L2: Xen may emulate guest writes to L1s, never to L2s. */
    window(20);
    check_rc(gk_mm_write(t, 0, (d << 12) | PTE_P | PTE_A), 0, "t[0]");
    check_rc(gk_mm_pin(2, t), 0, "pin t");
    check_rc(gk_mm_write(l1, 0, (t << 12) | GK_PT_RO), 0, "RO map of t");
    check_rc(gk_mm_write(l1, 0, (t << 12) | GK_PT_RO | PTE_RW), -XEN_EBUSY,
             "RW flip of the same frame");
    check_rc(gk_mmu_update1(((l1 << 12) + 0) | MMU_PT_UPDATE_PRESERVE_AD,
                            (t << 12) | GK_PT_DATA), -XEN_EBUSY,
             "RW flip with PRESERVE_AD");
    check_rc(HYPERVISOR_update_va_mapping(va, (t << 12) | GK_PT_DATA,
                                          UVMF_INVLPG), -XEN_EBUSY,
             "RW flip with update_va_mapping");
    mc.args[0] = va;
    mc.args[1] = (gk_mm_l4_mfn() << 12) | GK_PT_DATA;
    mc.args[2] = UVMF_INVLPG;
    check_rc(HYPERVISOR_multicall(&mc, 1), 0, "multicall");
    check_rc(mc.result, -XEN_EBUSY, "RW map of the L4 in a multicall");
    check(!gk_mm_try_write(va, 0xBAD), "write through the RO mapping");
    check_eq(gk_mm_read(t, 0), (d << 12) | PTE_P | PTE_A | PTE_US,
             "table unchanged");
    gk_mm_map_or_die(16, e, GK_PT_DATA);
    check_rc(gk_mm_pin(1, e), -XEN_EINVAL, "pin while mapped writable");
    check_rc(gk_mm_write(l2, 1, (e << 12) | GK_PT_TABLE), -XEN_EINVAL,
             "link while mapped writable");
    gk_mm_unmap(16);
    check_rc(gk_mm_unpin(t), 0, "unpin");
    return 0;
}
