/* SPDX-License-Identifier: MIT */
/*
 * Pins the flush operations: after an update done without a flush,
 * INVLPG_LOCAL/ALL and TLB_FLUSH_LOCAL/ALL/MULTI make the new mapping
 * visible; a non-canonical INVLPG address is ignored (0); a MULTI mask
 * pointer that cannot be read is -EINVAL.
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

GK_TEST_INFO("mm-flush-ops", "TLB flush and INVLPG operations make updates visible; masks are read");
static uint64_t l2, l1;

static void window(unsigned int idx)
{
    long rc = gk_mm_build_window(idx, &l2, &l1);

    if (rc)
        test_error("building the test window: %ld", rc);
}

int main(void)
{
    uint64_t f[4], va = 12UL << 30, v, mask = 1;
    static const unsigned int cmd[4] = {
        MMUEXT_INVLPG_LOCAL, MMUEXT_INVLPG_ALL, MMUEXT_TLB_FLUSH_ALL,
        MMUEXT_TLB_FLUSH_MULTI,
    };

    window(12);
    for (int i = 0; i < 4; i++) {
        uint64_t *p;

        f[i] = gk_mm_alloc();
        p = gk_mm_map_or_die(10, f[i], GK_PT_DATA);
        p[0] = 100 + i;
        gk_mm_unmap(10);
    }
    check_rc(gk_mm_write(l1, 0, (f[0] << 12) | GK_PT_RO), 0, "map");
    check(gk_mm_try_read(va, &v) && v == 100, "first frame");
    for (int i = 1; i < 4; i++) {
        check_rc(gk_mm_write(l1, 0, (f[i] << 12) | GK_PT_RO), 0, "remap");
        check_rc(gk_mmuext1(cmd[i], va,
                            cmd[i] == MMUEXT_TLB_FLUSH_MULTI
                                ? (uint64_t)&mask : 0), 0, "flush");
        check(gk_mm_try_read(va, &v) && v == 100 + (uint64_t)i,
              "new frame visible after flush %d", i);
    }
    check_rc(gk_mmuext1(MMUEXT_TLB_FLUSH_LOCAL, 0, 0), 0, "local flush");
    check_rc(gk_mmuext1(MMUEXT_INVLPG_LOCAL, 0x8000000000000000UL, 0), 0,
             "non-canonical invlpg");
    check_rc(gk_mmuext1(MMUEXT_INVLPG_ALL, 0x8000000000000000UL, 0), 0,
             "non-canonical invlpg all");
    check_rc(gk_mmuext1(MMUEXT_TLB_FLUSH_MULTI, 0, 0x100000000000UL),
             -XEN_EINVAL, "unreadable mask");
    check_rc(gk_mmuext1(MMUEXT_INVLPG_MULTI, va, 0x100000000000UL),
             -XEN_EINVAL, "unreadable mask (invlpg)");
    return 0;
}
