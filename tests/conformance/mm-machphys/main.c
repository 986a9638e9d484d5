/* SPDX-License-Identifier: MIT */
/*
 * Pins MMU_MACHPHYS_UPDATE: for a frame of ours the read-only M2P shows
 * the new PFN at once; the original can be restored; an MFN beyond memory
 * is -EINVAL.
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

GK_TEST_INFO("mm-machphys", "MMU_MACHPHYS_UPDATE rewrites the M2P entry of an owned frame");

int main(void)
{
    uint64_t d = gk_mm_alloc(), old = gk_m2p[d];

    check_rc(gk_mmu_update1((d << 12) | MMU_MACHPHYS_UPDATE, 0x12345), 0,
             "set");
    check_eq(gk_m2p[d], 0x12345, "M2P after");
    check_rc(gk_mmu_update1((d << 12) | MMU_MACHPHYS_UPDATE, old), 0,
             "restore");
    check_eq(gk_m2p[d], old, "M2P restored");
    check_rc(gk_mmu_update1((0xFFFFFFFFFUL << 12) | MMU_MACHPHYS_UPDATE, 1),
             -XEN_EINVAL, "MFN beyond memory");
    return 0;
}
