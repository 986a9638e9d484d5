/* SPDX-License-Identifier: MIT */
/*
 * What mmu_update and mmuext_op share: the foreigndom argument (reference
 * §5.1) and the batch loop with its done count and continuations.
 */
#ifndef HV_MM_MM_BATCH_H
#define HV_MM_MM_BATCH_H

#include "mm/page-type.h"

struct vcpu;

/*
 * Check foreigndom (bits 0-15: owner of the data frames, bits 16-31: 1 +
 * owner of the page tables, 0 = self). hv has only the caller's own
 * tables and frames so far; DOMID_IO (and DOMID_XEN for the privileged)
 * mean "self" for frame checks. Returns 0, -ESRCH (no such domain, or the
 * caller's own id spelt out, as Xen answers) or -EPERM (another live
 * domain: foreign mappings come with domain building).
 */
long mm_check_foreigndom(struct vcpu *v, const char *op, uint32_t fd);

/* mmu_update and mmuext_op set bit 31 of count in their continuations. */
#define MMU_UPDATE_PREEMPTED (1U << 31)

/* Entry checks a batch does before it offers to be preempted. */
#define MM_WORK_BUDGET 8192

/* One element of a batch: 0, or the errno that stops it (logged). */
typedef long (*mm_batch_fn)(struct vcpu *v, const struct pt_dom *dom,
                            const void *elem);

/*
 * Run hypercall nr's batch: count elements of elem_size bytes at arr,
 * each through fn under the mm lock, stopping at the first error. Writes
 * the number done to pdone (if given; an unwritable pointer is ignored, as
 * Xen does) and preempts between elements with a continuation that sets
 * bit 31 of count. Returns 0 or the first error.
 */
long mm_batch(struct vcpu *v, unsigned int nr, const char *name,
              uint64_t arr, uint64_t count, uint64_t pdone, uint64_t fd,
              size_t elem_size, mm_batch_fn fn);

#endif
