/* SPDX-License-Identifier: MIT */
/*
 * The physical page allocator: finds the end of the boot image's region
 * by walking the boot page tables, then hands the PFNs above it out of a
 * gk_page_pool, with events masked around every change.
 */
#include "gk/page-alloc.h"

#include "gk/bitmap.h"
#include "gk/boot.h"
#include "gk/console.h"
#include "gk/events.h"
#include "gk/pagetable.h"
#include "gk/test.h"
#include "gk/x86.h"

#define INVALID_P2M (~0UL)

static uint64_t pool_map[GK_BITMAP_WORDS(GK_PAGE_MAX_PFNS)];
static struct gk_page_pool pool;
static uint64_t boot_end_pfn;
static int ready;

static int pfn_is_mapped(uint64_t pfn)
{
    uint64_t pte[4];

    return gk_pt_walk(pfn << PAGE_SHIFT, pte) == 4 && (pte[0] & PTE_P);
}

/*
 * The region mapped at boot is PFNs 0..N-1 at VA pfn << 12, ending on a
 * 4 MiB boundary; scratch mappings in its padding may have punched
 * holes, so look for the end past any run shorter than 4 MiB.
 */
static uint64_t find_boot_end(const struct start_info *si)
{
    uint64_t pfn = (si->pt_base >> PAGE_SHIFT) + si->nr_pt_frames;
    uint64_t last = pfn, gap = 0;

    for (; pfn < si->nr_pages && gap < 1024; pfn++) {
        if (pfn_is_mapped(pfn)) {
            last = pfn;
            gap = 0;
        } else {
            gap++;
        }
    }
    return last + 1;
}

int gk_page_alloc_init(void)
{
    const struct start_info *si = gk_start_info;
    const uint64_t *p2m = (const uint64_t *)si->mfn_list;
    uint64_t top = si->nr_pages < GK_PAGE_MAX_PFNS ? si->nr_pages
                                                   : GK_PAGE_MAX_PFNS;
    unsigned int flags;

    if (ready)
        return 0;
    boot_end_pfn = find_boot_end(si);
    flags = gk_local_irq_save();
    gk_page_pool_init(&pool, pool_map, 0, GK_PAGE_MAX_PFNS);
    for (uint64_t pfn = boot_end_pfn; pfn < top; pfn++)
        if (p2m[pfn] != INVALID_P2M)
            gk_page_pool_add(&pool, pfn, 1);
    ready = 1;
    gk_local_irq_restore(flags);
    return 0;
}

uint64_t gk_page_alloc_contig(size_t nr, size_t align)
{
    unsigned int flags;
    uint64_t pfn;

    gk_page_alloc_init();
    flags = gk_local_irq_save();
    pfn = gk_page_pool_alloc(&pool, nr, align);
    gk_local_irq_restore(flags);
    return pfn;
}

uint64_t gk_page_alloc(void)
{
    return gk_page_alloc_contig(1, 0);
}

void gk_page_free_contig(uint64_t pfn, size_t nr)
{
    unsigned int flags = gk_local_irq_save();
    bool ok = gk_page_pool_free(&pool, pfn, nr);

    gk_local_irq_restore(flags);
    if (!ok)
        test_error("gk_page_free: PFN %#lx (+%zu) is not allocated", pfn,
                   nr);
}

void gk_page_free(uint64_t pfn)
{
    gk_page_free_contig(pfn, 1);
}

void gk_page_get_stats(struct gk_page_stats *out)
{
    unsigned int flags;

    gk_page_alloc_init();
    flags = gk_local_irq_save();
    out->boot_end_pfn = boot_end_pfn;
    out->nr_managed = pool.nr_managed;
    out->nr_free = pool.nr_free;
    out->nr_in_use = gk_page_pool_in_use(&pool);
    gk_local_irq_restore(flags);
}

size_t gk_pages_in_use(void)
{
    struct gk_page_stats s;

    gk_page_get_stats(&s);
    return s.nr_in_use;
}

struct gk_page_pool *gk_page_pool_locked(void)
{
    gk_page_alloc_init();
    return &pool;
}
