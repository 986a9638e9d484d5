/* SPDX-License-Identifier: MIT */
/* Queue mmu_update requests and issue them, with a flush, in one call. */
#include "gk/mmu-batch.h"

#include <stddef.h>

#include "abi/hypercall.h"
#include "abi/memory.h"
#include "abi/multicall.h"
#include "gk/hypercall.h"
#include "gk/x86.h"

unsigned long gk_mmu_nr_hypercalls, gk_mmu_nr_requests;

void gk_mmu_batch_init(struct gk_mmu_batch *b)
{
    b->nr = 0;
    b->flush = false;
    b->rc = 0;
}

/* The queued updates alone, without the flush. */
static long submit_updates(struct gk_mmu_batch *b)
{
    long rc;

    if (!b->nr)
        return 0;
    rc = HYPERVISOR_mmu_update(b->req, b->nr, NULL, DOMID_SELF);
    gk_mmu_nr_hypercalls++;
    gk_mmu_nr_requests += b->nr;
    b->nr = 0;
    return rc;
}

void gk_mmu_batch_add(struct gk_mmu_batch *b, uint64_t ptr, uint64_t val)
{
    if (b->nr == GK_MMU_BATCH_MAX) {
        long rc = submit_updates(b);

        if (rc && !b->rc)
            b->rc = rc;
    }
    b->req[b->nr].ptr = ptr;
    b->req[b->nr].val = val;
    b->nr++;
}

void gk_mmu_batch_pte(struct gk_mmu_batch *b, uint64_t table_mfn,
                      unsigned int idx, uint64_t val)
{
    gk_mmu_batch_add(b, ((table_mfn << PAGE_SHIFT) + (idx & 511) * 8ULL) |
                            MMU_NORMAL_PT_UPDATE, val);
}

void gk_mmu_batch_want_flush(struct gk_mmu_batch *b)
{
    b->flush = true;
}

long gk_mmu_batch_submit(struct gk_mmu_batch *b)
{
    struct mmuext_op flush = { .cmd = MMUEXT_TLB_FLUSH_LOCAL };
    struct multicall_entry mc[2] = {
        { .op = __HYPERVISOR_mmu_update,
          .args = { (uint64_t)b->req, b->nr, 0, DOMID_SELF } },
        { .op = __HYPERVISOR_mmuext_op,
          .args = { (uint64_t)&flush, 1, 0, DOMID_SELF } },
    };
    long rc = b->rc;

    b->rc = 0;
    if (!b->flush) {
        long r = submit_updates(b);

        return rc ? rc : r;
    }
    b->flush = false;
    if (!b->nr) {
        gk_mmu_nr_hypercalls++;
        return rc ? rc : HYPERVISOR_mmuext_op(&flush, 1, NULL, DOMID_SELF);
    }
    /* Updates and flush in one entry to the hypervisor. */
    gk_mmu_nr_hypercalls++;
    gk_mmu_nr_requests += b->nr;
    b->nr = 0;
    if (!rc)
        rc = HYPERVISOR_multicall(mc, 2);
    if (!rc)
        rc = (long)mc[0].result ? (long)mc[0].result : (long)mc[1].result;
    return rc;
}
