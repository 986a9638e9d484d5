/* SPDX-License-Identifier: MIT */
/*
 * Hostile-guest test 4 (PT-FOREIGN) and 12 (PT-M2P): for the frame under
 * every hypervisor L4 slot (256-271, including the read-only M2P's L3), a
 * read-only or writable L1 mapping is -EBUSY, pinning at any level,
 * NEW_BASEPTR and NEW_USER_BASEPTR are -EINVAL, MACHPHYS_UPDATE and plain
 * writes are -EINVAL; the machine survives and the guest keeps running.
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

GK_TEST_INFO("hostile-mm-foreign", "the hypervisor's own frames cannot be mapped, pinned or loaded");
static uint64_t l2, l1;

static void window(unsigned int idx)
{
    long rc = gk_mm_build_window(idx, &l2, &l1);

    if (rc)
        test_error("building the test window: %ld", rc);
}

int main(void)
{
    uint64_t l4 = gk_mm_l4_mfn();
    unsigned int tried = 0;

    window(23);
    for (unsigned int s = 256; s <= 271; s++) {
        uint64_t e = gk_mm_read(l4, s), x = (e & PTE_ADDR_MASK) >> 12;

        /* Xen's slot 258 maps the L4 itself: that frame is ours. */
        if (!(e & PTE_P) || x == l4)
            continue;
        tried++;
        check_rc(gk_mm_write(l1, 0, (x << 12) | GK_PT_RO), -XEN_EBUSY, "RO map");
        check_rc(gk_mm_write(l1, 0, (x << 12) | GK_PT_DATA), -XEN_EBUSY,
                 "RW map");
        for (unsigned int lvl = 1; lvl <= 4; lvl++)
            check_rc(gk_mm_pin(lvl, x), -XEN_EINVAL, "pin");
        check_rc(gk_mmuext1(MMUEXT_NEW_BASEPTR, x, 0), -XEN_EINVAL,
                 "NEW_BASEPTR");
        check_rc(gk_mmuext1(MMUEXT_NEW_USER_BASEPTR, x, 0), -XEN_EINVAL,
                 "NEW_USER_BASEPTR");
        check_rc(gk_mmu_update1((x << 12) | MMU_MACHPHYS_UPDATE, 0),
                 -XEN_EINVAL, "MACHPHYS_UPDATE");
        check_rc(gk_mm_write(x, 0, 0), -XEN_EINVAL, "plain write");
        if (gk_nr_check_failures())
            break;
    }
    check(tried >= 3, "too few hypervisor slots present: %u", tried);
    return 0;
}
