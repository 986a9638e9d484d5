/* SPDX-License-Identifier: MIT */
/*
 * Page-table work for test kernels: free frames beyond the boot mapping,
 * a window of scratch VAs to map any frame at, and one-element wrappers
 * of mmu_update and mmuext_op. Everything goes through the hypercalls, so
 * the same code runs on Xen and on hv.
 */
#ifndef GK_MM_H
#define GK_MM_H

#include <stdbool.h>
#include <stdint.h>

#include "abi/mmu.h"
#include "gk/x86.h"

/* Flags of a table entry (any level) and of a kernel data mapping. */
#define GK_PT_TABLE (PTE_P | PTE_RW | PTE_US | PTE_A)
#define GK_PT_DATA  (PTE_P | PTE_RW | PTE_A | PTE_D)
#define GK_PT_RO    (PTE_P | PTE_A)

/* Scratch slots: VAs in the boot mapping's padding, free for tests. */
#define GK_MM_NR_SLOTS 48

/* VA of scratch slot n; the page at it is ours to remap. */
uint64_t gk_mm_slot_va(unsigned int slot);

/* The MFN of the page mapped at a boot-mapping VA. */
uint64_t gk_mm_va_to_mfn(uint64_t va);

/* The MFN of the current (boot) kernel L4. */
uint64_t gk_mm_l4_mfn(void);

/*
 * A frame of ours nobody uses (taken from the top of the P2M down),
 * zeroed. Returns its MFN; ends the test in ERROR if none is left.
 */
uint64_t gk_mm_alloc(void);

/*
 * Map mfn at scratch slot `slot` with flags (PTE_P added) through
 * update_va_mapping; returns the hypercall's result.
 */
long gk_mm_map(unsigned int slot, uint64_t mfn, uint64_t flags);

/* As gk_mm_map, but the test ends in ERROR if it fails; returns the VA. */
void *gk_mm_map_or_die(unsigned int slot, uint64_t mfn, uint64_t flags);

/* Clear the mapping of a scratch slot. */
long gk_mm_unmap(unsigned int slot);

/* Read entry idx of the table at mfn (mapped read-only at the last slot). */
uint64_t gk_mm_read(uint64_t mfn, unsigned int idx);

/* One mmu_update request; foreign domain DOMID_SELF. */
long gk_mmu_update1(uint64_t ptr, uint64_t val);

/* MMU_NORMAL_PT_UPDATE of entry idx of the table at mfn. */
long gk_mm_write(uint64_t mfn, unsigned int idx, uint64_t val);

/* One mmuext_op. */
long gk_mmuext1(unsigned int cmd, uint64_t arg1, uint64_t arg2);

/* MMUEXT_PIN_L<level>_TABLE / MMUEXT_UNPIN_TABLE. */
long gk_mm_pin(unsigned int level, uint64_t mfn);
long gk_mm_unpin(uint64_t mfn);

/*
 * A fresh L2 linked at L3 slot l3_idx of the boot L4 slot 0 hierarchy,
 * with one L1 under its slot 0, so VA (l3_idx << 30) + n * 4096 for n in
 * 0..511 can be mapped with gk_mm_write(l1, n, ...). Returns 0 or the
 * failing hypercall's result; *l2 and *l1 get the MFNs.
 */
long gk_mm_build_window(unsigned int l3_idx, uint64_t *l2, uint64_t *l1);

/* The boot L3 under L4 slot 0 (where gk_mm_build_window links). */
uint64_t gk_mm_boot_l3(void);

/* Read 8 bytes at va; false (and no ERROR) if that faults. */
bool gk_mm_try_read(uint64_t va, uint64_t *val);

/* Write 8 bytes at va; false if that faults. */
bool gk_mm_try_write(uint64_t va, uint64_t val);

#endif
