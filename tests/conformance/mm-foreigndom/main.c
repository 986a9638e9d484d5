/* SPDX-License-Identifier: MIT */
/*
 * Pins the foreigndom argument and the request array: DOMID_SELF is fine;
 * a domain that does not exist and the caller's own id spelt out are
 * -ESRCH (for mmu_update and mmuext_op); a page-table owner that does not
 * exist is -ESRCH; an unreadable request array is -EFAULT; an unwritable
 * done pointer is ignored.
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

GK_TEST_INFO("mm-foreigndom", "foreigndom: DOMID_SELF works, other ids are -ESRCH, bad arrays -EFAULT");

int main(void)
{
    uint64_t d = gk_mm_alloc();
    struct mmu_update req = { .ptr = (d << 12) + 8, .val = 1 };
    struct mmuext_op op = { .cmd = MMUEXT_TLB_FLUSH_LOCAL };

    check_rc(HYPERVISOR_mmu_update(&req, 1, NULL, DOMID_SELF), 0, "self");
    check_rc(HYPERVISOR_mmu_update(&req, 1, NULL, 1000), -XEN_ESRCH,
             "domain 1000");
    check_rc(HYPERVISOR_mmu_update(&req, 1, NULL, 0), -XEN_ESRCH,
             "own id spelt out");
    check_rc(HYPERVISOR_mmu_update(&req, 1, NULL, (1001U << 16) | DOMID_SELF),
             -XEN_ESRCH, "page-table owner 1000");
    check_rc(HYPERVISOR_mmuext_op(&op, 1, NULL, 1000), -XEN_ESRCH,
             "mmuext domain 1000");
    check_rc(HYPERVISOR_mmu_update((void *)0x100000000000UL, 1, NULL,
                                   DOMID_SELF), -XEN_EFAULT,
             "unreadable requests");
    check_rc(HYPERVISOR_mmu_update(&req, 1, (void *)0x100000000000UL,
                                   DOMID_SELF), 0, "unwritable done");
    return 0;
}
