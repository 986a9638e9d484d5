/* SPDX-License-Identifier: MIT */
/*
 * Growing and shrinking the domain's memory (memory_op). Shrinking gives
 * free pages of gk/page-alloc.h back to the hypervisor
 * (XENMEM_decrease_reservation) and marks their P2M entries invalid;
 * growing refills such PFNs (XENMEM_populate_physmap, which also sets
 * the M2P), fixes the P2M and hands them to the allocator again. This is
 * what a balloon driver does. Growing past start_info.nr_pages would need
 * a larger P2M and is not offered.
 *
 * A hypervisor without these calls answers -ENOSYS; then nothing changes
 * and the caller sees the -ENOSYS.
 */
#ifndef GK_RESERVATION_H
#define GK_RESERVATION_H

#include <stddef.h>

/* Pages the domain has now (XENMEM_current_reservation), or -errno. */
long gk_reservation_current(void);

/* The most it may have (XENMEM_maximum_reservation), or -errno. */
long gk_reservation_max(void);

/*
 * Give up to nr free pages back. Returns how many went (possibly fewer:
 * the allocator ran out, or the hypervisor stopped), or -errno if none
 * did.
 */
long gk_reservation_shrink(size_t nr);

/*
 * Take up to nr pages back into PFNs given up earlier. Returns how many
 * came back, or -errno if none did (-ENOMEM: the hypervisor has no
 * memory or the domain is at its maximum).
 */
long gk_reservation_grow(size_t nr);

/* PFNs given back and not yet refilled. */
size_t gk_reservation_nr_given_back(void);

#endif
