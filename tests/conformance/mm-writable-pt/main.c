/* SPDX-License-Identifier: MIT */
/*
 * Pins the central rule: an L1 entry that maps a frame in use as an L1,
 * L2, L3 or L4 table writable is refused with -EBUSY (a read-only mapping
 * is fine), and the refused entry is left unchanged.
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

GK_TEST_INFO("mm-writable-pt", "mmu_update cannot map a page-table frame writable at any level");

int main(void)
{
    uint64_t l2, l1, t[4], boot_l4 = gk_mm_l4_mfn();
    long rc = gk_mm_build_window(6, &l2, &l1);

    if (rc)
        test_error("window: %ld", rc);
    t[0] = l1;
    t[1] = l2;
    t[2] = gk_mm_boot_l3();
    t[3] = boot_l4;
    for (int i = 0; i < 4; i++) {
        check_rc(gk_mm_write(l1, 10 + i, (t[i] << 12) | GK_PT_DATA),
                 -XEN_EBUSY, "RW mapping of a table");
        check_eq(gk_mm_read(l1, 10 + i), 0, "entry unchanged");
        check_rc(gk_mm_write(l1, 10 + i, (t[i] << 12) | GK_PT_RO), 0,
                 "RO mapping of a table");
        check_rc(gk_mm_write(l1, 10 + i, 0), 0, "unmap");
    }
    return 0;
}
