/* SPDX-License-Identifier: MIT */
/*
 * Pins the command field of mmu_update: the low three bits of ptr; 0-3
 * are commands (3, NO_TRANSLATE, acts like 0 for PV), and a pointer with
 * bit 2 set (4-7, i.e. a misaligned entry address) is -ENOSYS. Unknown
 * mmuext_op commands are -ENOSYS too.
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

GK_TEST_INFO("mm-bad-command", "mmu_update commands 4-7 (misaligned pointers) are -ENOSYS");

int main(void)
{
    uint64_t d = gk_mm_alloc();

    for (unsigned int c = 4; c < 8; c++)
        check_rc(gk_mmu_update1((d << 12) + 64 + c, 0), -XEN_ENOSYS,
                 "command 4-7");
    check_rc(gk_mmu_update1((d << 12) + 64 + 3, 0x55), 0, "NO_TRANSLATE");
    check_eq(gk_mm_read(d, 8), 0x55, "written");
    check_rc(gk_mmuext1(14, 0, 0), -XEN_ENOSYS, "mmuext 14");
    check_rc(gk_mmuext1(21, 0, 0), -XEN_ENOSYS, "mmuext 21");
    check_rc(gk_mmuext1(0xFFFFFFFF, 0, 0), -XEN_ENOSYS, "mmuext ~0");
    return 0;
}
