/* SPDX-License-Identifier: MIT */
/*
 * Batched page-table updates. A PV kernel never writes its page tables:
 * each change is an mmu_update request the hypervisor checks. One
 * hypercall per entry costs a world switch each (hundreds of ns to a few
 * us); queueing up to GK_MMU_BATCH_MAX requests and issuing them in one
 * call, together with the TLB flush they need, is what makes mapping fast.
 *
 *   struct gk_mmu_batch b;
 *   gk_mmu_batch_init(&b);
 *   for (...) gk_mmu_batch_pte(&b, l1_mfn, idx, val);
 *   gk_mmu_batch_want_flush(&b);       (entries were removed or changed)
 *   rc = gk_mmu_batch_submit(&b);
 *
 * A batch lives on the caller's stack (about 1 KiB) and is not shared.
 */
#ifndef GK_MMU_BATCH_H
#define GK_MMU_BATCH_H

#include <stdbool.h>
#include <stdint.h>

#include "abi/mmu.h"

#define GK_MMU_BATCH_MAX 64

struct gk_mmu_batch {
    unsigned int nr;          /* requests queued */
    bool flush;               /* flush this vCPU's TLB with the next submit */
    long rc;                  /* first error of an automatic submit */
    struct mmu_update req[GK_MMU_BATCH_MAX];
};

/* Start an empty batch. */
void gk_mmu_batch_init(struct gk_mmu_batch *b);

/*
 * Queue one request: ptr is a machine address with the MMU_* command in
 * bits 0-1. A full batch is submitted first (its error, if any, is kept
 * in b->rc and returned by the next gk_mmu_batch_submit).
 */
void gk_mmu_batch_add(struct gk_mmu_batch *b, uint64_t ptr, uint64_t val);

/* Queue a checked write of entry idx (0..511) of the table at mfn. */
void gk_mmu_batch_pte(struct gk_mmu_batch *b, uint64_t table_mfn,
                      unsigned int idx, uint64_t val);

/*
 * Ask for a local TLB flush after the queued updates (needed when an
 * entry that was present is cleared or changed). Done by the next submit.
 */
void gk_mmu_batch_want_flush(struct gk_mmu_batch *b);

/*
 * Issue everything queued: one mmu_update, or one multicall of
 * mmu_update and the flush. Returns 0 or the first -errno (also of an
 * earlier automatic submit); the batch is empty afterwards.
 */
long gk_mmu_batch_submit(struct gk_mmu_batch *b);

/* Hypercalls the batches issued, and the requests they carried. */
extern unsigned long gk_mmu_nr_hypercalls, gk_mmu_nr_requests;

#endif
