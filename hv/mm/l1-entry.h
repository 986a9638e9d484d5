/* SPDX-License-Identifier: MIT */
/*
 * Installing a guest's L1 entry: what it may map, and the references a
 * present entry holds (a general reference, plus a writable type reference
 * if it maps RW). This is what keeps page tables and descriptor pages from
 * ever being writable by their guest.
 */
#ifndef HV_MM_L1_ENTRY_H
#define HV_MM_L1_ENTRY_H

#include <hv/types.h>

struct domain;

/*
 * Check new (a value for an L1 slot of domain d) and take its references;
 * *adjusted is the value to store. Returns 0, or with *why set -EINVAL
 * (bits), -EPERM (not RAM, no I/O rights) or -EBUSY (frame not d's, or a
 * writable mapping of a frame that cannot be writable).
 */
int l1e_get(struct domain *d, uint64_t new, uint64_t *adjusted,
            const char **why);

/* Drop the references a stored L1 entry held. */
void l1e_put(uint64_t old);

/*
 * Find the L1 slot mapping va in the table rooted at l4_mfn; NULL with
 * *why set if no validated L1 covers va.
 */
uint64_t *l1e_slot(mfn_t l4_mfn, uint64_t va, const char **why);

#endif
