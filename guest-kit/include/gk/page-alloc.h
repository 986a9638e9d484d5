/* SPDX-License-Identifier: MIT */
/*
 * The kernel's physical page allocator. At init it finds the PFNs nobody
 * uses: those after the boot image's mapped region (kernel, P2M,
 * start_info, page tables, boot stack and padding, all below the region's
 * end) up to start_info.nr_pages, with a valid P2M entry. Pages handed
 * out are neither mapped nor zeroed: map them with gk/vm.h. Events are
 * masked around the pool, so handlers may allocate too.
 *
 * Do not mix with gk_mm_alloc() of gk/mm.h in one kernel: that test
 * helper takes frames from the top of the P2M without telling anyone.
 */
#ifndef GK_PAGE_ALLOC_H
#define GK_PAGE_ALLOC_H

#include <stddef.h>
#include <stdint.h>

#include "gk/page-pool.h"

/* Largest domain the allocator manages: 2 GiB (a 64 KiB bitmap). */
#define GK_PAGE_MAX_PFNS (1UL << 19)

/* Find the free PFNs (once; later calls return 0 at once). 0 or -errno. */
int gk_page_alloc_init(void);

/* One PFN, or GK_PAGE_NONE when none is left. Initialises if needed. */
uint64_t gk_page_alloc(void);

/*
 * nr contiguous PFNs starting at a multiple of align (power of two, 0 or
 * 1 for any): the first, or GK_PAGE_NONE.
 */
uint64_t gk_page_alloc_contig(size_t nr, size_t align);

/*
 * Give back PFNs from gk_page_alloc / _contig. Freeing a PFN that is not
 * allocated is a kernel bug: reported, then the kernel stops (ERROR).
 */
void gk_page_free(uint64_t pfn);
void gk_page_free_contig(uint64_t pfn, size_t nr);

struct gk_page_stats {
    uint64_t boot_end_pfn;   /* first PFN after the boot image's region */
    size_t nr_managed;       /* PFNs the allocator owns */
    size_t nr_free;          /* of those, free now */
    size_t nr_in_use;        /* of those, handed out now */
};

void gk_page_get_stats(struct gk_page_stats *out);

/* Pages handed out now (the number leak checks compare). */
size_t gk_pages_in_use(void);

/*
 * The pool itself, for guest-kit's reservation code: call only with
 * events masked.
 */
struct gk_page_pool *gk_page_pool_locked(void);

#endif
