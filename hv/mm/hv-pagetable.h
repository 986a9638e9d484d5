/* SPDX-License-Identifier: MIT */
/* hv's own mappings, shared by every address space through L4 slots 256-271. */
#ifndef HV_MM_HV_PAGETABLE_H
#define HV_MM_HV_PAGETABLE_H

#include <hv/types.h>

/* Boot allocation of zeroed, page-aligned RAM (before the allocator runs). */
paddr_t boot_alloc(size_t bytes);

/* Build the idle L4 (direct map, RO M2P, per-CPU windows) and load it. */
void hv_pagetables_init(paddr_t max_pa, paddr_t m2p_pa, size_t m2p_bytes);

/* The L4 hv runs on when no guest table is loaded. */
paddr_t idle_l4_maddr(void);

/* Copy hv's L4 slots (256-271) into a guest L4 being built or validated. */
void hv_fill_guest_l4(uint64_t *l4);

/*
 * Map page `idx` (0-15) of CPU cpu's GDT window to mfn, read-only unless
 * writable; INVALID_MFN maps the shared zero page.
 */
void percpu_gdt_map(unsigned int cpu, unsigned int idx, mfn_t mfn,
                    bool writable);

/* Map one page of device memory (uncached) at boot; returns its VA. */
void *hv_map_mmio_boot(paddr_t pa);

/* The same for page `idx` (0-15) of CPU cpu's LDT window. */
void percpu_ldt_map(unsigned int cpu, unsigned int idx, mfn_t mfn);

#endif
