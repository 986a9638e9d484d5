/* SPDX-License-Identifier: MIT */
/*
 * Reading the guest's own page tables. PV guests see machine frames in
 * their entries; the read-only M2P turns an MFN back into a PFN, and the
 * boot mapping (virt_base 0) makes PFN p readable at VA p << 12.
 */
#ifndef GK_PAGETABLE_H
#define GK_PAGETABLE_H

#include <stdint.h>

#include "abi/pv64.h"

/* The read-only machine-to-phys table the hypervisor maps for every guest. */
#define gk_m2p ((const uint64_t *)MACH2PHYS_VIRT_START)

/* The P2M array the builder left at start_info.mfn_list. */
uint64_t gk_pfn_to_mfn(uint64_t pfn);

/* Machine address of the page holding a VA in the boot mapping. */
uint64_t gk_virt_to_ma(const void *va);

/* VA (boot mapping) of the page table at machine frame mfn. */
const uint64_t *gk_mfn_to_virt(uint64_t mfn);

/*
 * Walk the current kernel page tables (start_info.pt_base) for va. Fills
 * pte[3..0] with the L4..L1 entries on the way and returns the number of
 * levels read: 4 if an L1 entry was reached, fewer if an entry was not
 * present or not in the boot mapping.
 */
int gk_pt_walk(uint64_t va, uint64_t pte[4]);

#endif
