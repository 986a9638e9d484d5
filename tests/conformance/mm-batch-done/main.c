/* SPDX-License-Identifier: MIT */
/*
 * Pins batching: mmu_update with an error in the second of three requests
 * returns that error and writes done = 1 (the first applied, the third
 * not); a count of 0 writes done = 0; mmuext_op stops the same way.
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

GK_TEST_INFO("mm-batch-done", "batched mmu_update and mmuext_op stop at the first error and report the done count");
static uint64_t l2, l1;

static void window(unsigned int idx)
{
    long rc = gk_mm_build_window(idx, &l2, &l1);

    if (rc)
        test_error("building the test window: %ld", rc);
}

int main(void)
{
    uint64_t d = gk_mm_alloc(), x = gk_mm_l4_mfn();
    struct mmu_update req[3];
    struct mmuext_op op[3] = {
        { .cmd = MMUEXT_TLB_FLUSH_LOCAL },
        { .cmd = MMUEXT_PIN_L1_TABLE },
        { .cmd = MMUEXT_TLB_FLUSH_LOCAL },
    };
    unsigned int done = 77;

    window(10);
    req[0].ptr = (l1 << 12) + 8 * 0;
    req[0].val = (d << 12) | GK_PT_RO;
    req[1].ptr = (l1 << 12) + 8 * 1;
    req[1].val = (x << 12) | GK_PT_DATA;
    req[2].ptr = (l1 << 12) + 8 * 2;
    req[2].val = (d << 12) | GK_PT_RO;
    check_rc(HYPERVISOR_mmu_update(req, 3, &done, DOMID_SELF), -XEN_EBUSY,
             "batch");
    check_eq(done, 1, "done");
    check(gk_mm_read(l1, 0) != 0, "first applied");
    check_eq(gk_mm_read(l1, 2), 0, "third not applied");
    done = 77;
    check_rc(HYPERVISOR_mmu_update(req, 0, &done, DOMID_SELF), 0, "empty");
    check_eq(done, 0, "done of empty batch");
    op[1].arg1.mfn = x;
    done = 77;
    check_rc(HYPERVISOR_mmuext_op(op, 3, &done, DOMID_SELF), -XEN_EINVAL,
             "mmuext batch");
    check_eq(done, 1, "mmuext done");
    return 0;
}
