/* SPDX-License-Identifier: MIT */
/*
 * Pins mmu_update on validated tables: a fresh L2 and L1 linked under the
 * boot L3 validate, an L1 entry written through mmu_update maps a frame of
 * ours at the new VA (reads and writes reach the frame), and writing a
 * non-present entry unmaps it (after INVLPG the access faults with #PF).
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

GK_TEST_INFO("mm-map-unmap", "mmu_update maps a frame at a new VA and unmapping it faults");
static uint64_t l2, l1;

static void window(unsigned int idx)
{
    long rc = gk_mm_build_window(idx, &l2, &l1);

    if (rc)
        test_error("building the test window: %ld", rc);
}

int main(void)
{
    uint64_t d = gk_mm_alloc(), va = 2UL << 30, v;
    uint64_t *p;

    window(2);
    check_rc(gk_mm_write(l1, 0, (d << 12) | GK_PT_DATA), 0, "map RW");
    check(gk_mm_try_write(va, 0x1122334455667788UL), "write at new VA");
    p = gk_mm_map_or_die(0, d, GK_PT_RO);
    check_eq(p[0], 0x1122334455667788UL, "frame content via 2nd mapping");
    gk_mm_unmap(0);
    check_rc(gk_mm_write(l1, 0, 0), 0, "unmap");
    check_rc(gk_mmuext1(MMUEXT_INVLPG_LOCAL, va, 0), 0, "invlpg");
    check(!gk_mm_try_read(va, &v), "read after unmap must fault");
    check_eq(gk_last_trap.vector, X86_EXC_PF, "vector");
    check_rc(gk_mm_write(l1, 1, (d << 12) | GK_PT_RO), 0, "map RO");
    check(gk_mm_try_read(va + 4096, &v), "read of RO mapping");
    check(!gk_mm_try_write(va + 4096, 1), "write of RO mapping faults");
    check_eq(gk_last_trap.error_code & (PFEC_PRESENT | PFEC_WRITE),
             PFEC_PRESENT | PFEC_WRITE, "error code");
    return 0;
}
