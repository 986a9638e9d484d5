/* SPDX-License-Identifier: MIT */
/*
 * The kernel's virtual memory: a 1 GiB area at GK_VM_BASE (L4 slot 1)
 * whose page tables guest-kit builds and owns, mapped and unmapped only
 * through batched mmu_update (gk/mmu-batch.h), never by writing a table.
 *
 * Every table it creates is pinned (MMUEXT_PIN_L*_TABLE), so the
 * hypervisor validates it once and keeps its type while it is in use. An
 * L1 is created when the first page of its 2 MiB is mapped and released
 * (unlinked, flushed, unpinned, freed) when the last one is unmapped, so
 * the tables in use follow the pages mapped. The L1s are mapped read-only
 * in the area's last 2 MiB (GK_VM_PTE_WINDOW): the entry of the page at
 * GK_VM_BASE + n * 4096 is readable at ((uint64_t *)GK_VM_PTE_WINDOW)[n].
 *
 * All calls mask events while they run and may be used from handlers.
 * TLB flushes are local: guest-kit runs one vCPU.
 */
#ifndef GK_VM_H
#define GK_VM_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "gk/mm.h"

#define GK_VM_L4_SLOT     1UL
#define GK_VM_BASE        (GK_VM_L4_SLOT << 39)
/* 511 L1s of 512 pages: the last 2 MiB is the PTE window. */
#define GK_VM_NR_PAGES    (511UL * 512)
#define GK_VM_PTE_WINDOW  (GK_VM_BASE + GK_VM_NR_PAGES * 4096)

/* gk_vm_alloc flag: leave the lowest page unmapped (a stack guard). */
#define GK_VM_GUARD 1U

/*
 * Build the area's L3, L2 and window L1, pin them and link the L3 into
 * the boot L4 (once; later calls return 0). 0 or -errno; -EEXIST if L4
 * slot 1 is already in use.
 */
long gk_vm_init(void);

/* Reserve nr pages of VA (unmapped); NULL if the area is full. */
void *gk_vm_reserve(size_t nr);

/* Return VA from gk_vm_reserve; its pages must be unmapped already. */
void gk_vm_release(void *va, size_t nr);

/*
 * Map frame mfns[i] at va + i * 4096 for i < nr with PTE flags (PTE_P is
 * added; e.g. GK_PT_DATA, GK_PT_RO, | PTE_US for user pages). The VA must
 * be in the area and unmapped: -EEXIST otherwise, -EINVAL outside the
 * area, -ENOMEM if no frame is left for a table; else the hypervisor's
 * answer. Nothing is mapped after an error from guest-kit's checks.
 */
long gk_vm_map(void *va, const uint64_t *mfns, size_t nr, uint64_t flags);

/*
 * Unmap nr pages from va, flushing the TLB once. If mfns is not NULL,
 * mfns[i] gets the frame that was mapped at page i (0 if none). Returns
 * the number of pages that were mapped, or -errno.
 */
long gk_vm_unmap(void *va, size_t nr, uint64_t *mfns);

/*
 * Reserve nr pages (+1 with GK_VM_GUARD), back them with fresh frames
 * of gk/page-alloc.h, map them writable and zero them. Returns the first
 * usable page (above the guard), or NULL with nothing left allocated.
 */
void *gk_vm_alloc(size_t nr, unsigned int flags);

/* Undo gk_vm_alloc(nr, flags) at va: unmap, free the frames, release. */
void gk_vm_free(void *va, size_t nr, unsigned int flags);

/* The entry mapping va now (Xen-adjusted bits included), 0 if none. */
uint64_t gk_vm_pte(const void *va);

/*
 * MFN of the level-n table (1..3) that maps va in the area, 0 if there
 * is none (e.g. no L1 because nothing in va's 2 MiB is mapped).
 */
uint64_t gk_vm_table_mfn(const void *va, unsigned int level);

/* True if va lies in the area. */
bool gk_vm_contains(const void *va);

struct gk_vm_stats {
    size_t nr_mapped;      /* pages mapped in the area */
    size_t nr_reserved;    /* pages of VA reserved */
    size_t nr_tables;      /* page-table frames held (L3, L2, window, L1s) */
};

void gk_vm_get_stats(struct gk_vm_stats *out);

#endif
