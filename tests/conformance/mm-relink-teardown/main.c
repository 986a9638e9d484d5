/* SPDX-License-Identifier: MIT */
/*
 * Pins reference counting across teardown: 100 times, link a fresh
 * L2 -> L1 -> data hierarchy, use it, unlink it; afterwards every frame of
 * it can be mapped writable again (no type reference leaked).
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

GK_TEST_INFO("mm-relink-teardown", "building and tearing down a hierarchy 100 times leaves no reference behind");

int main(void)
{
    uint64_t l2 = gk_mm_alloc(), l1 = gk_mm_alloc(), d = gk_mm_alloc(), v;
    uint64_t va = 13UL << 30;

    for (int i = 0; i < 100; i++) {
        check_rc(gk_mm_write(l1, i % 512, (d << 12) | GK_PT_DATA), 0, "l1");
        check_rc(gk_mm_write(l2, 0, (l1 << 12) | GK_PT_TABLE), 0, "l2");
        check_rc(gk_mm_write(gk_mm_boot_l3(), 13, (l2 << 12) | GK_PT_TABLE),
                 0, "link");
        check(gk_mm_try_write(va + (i % 512) * 4096UL, i), "use");
        check_rc(gk_mm_write(gk_mm_boot_l3(), 13, 0), 0, "unlink");
        check_rc(gk_mm_write(l1, i % 512, 0), 0, "plain clear");
        if (gk_nr_check_failures())
            break;
    }
    check_rc(gk_mmuext1(MMUEXT_TLB_FLUSH_LOCAL, 0, 0), 0, "flush");
    check(!gk_mm_try_read(va, &v), "unlinked");
    check_rc(gk_mm_map(14, l2, GK_PT_DATA), 0, "l2 writable");
    check_rc(gk_mm_map(15, l1, GK_PT_DATA), 0, "l1 writable");
    check_eq(gk_mm_read(d, 0), 99, "last value written");
    gk_mm_unmap(14);
    gk_mm_unmap(15);
    return 0;
}
