/* SPDX-License-Identifier: MIT */
/* The foreigndom argument of mmu_update and mmuext_op (reference §5.1). */
#ifndef HV_MM_MM_FOREIGN_H
#define HV_MM_MM_FOREIGN_H

#include <hv/types.h>

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

#endif
