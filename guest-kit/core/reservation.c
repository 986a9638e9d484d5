/* SPDX-License-Identifier: MIT */
/*
 * Balloon-style reservation changes: frames leave through the page
 * allocator and decrease_reservation, and come back through
 * populate_physmap into the same PFNs. Batches of BATCH extents.
 */
#include "gk/reservation.h"

#include "abi/errno.h"
#include "abi/memory.h"
#include "gk/boot.h"
#include "gk/events.h"
#include "gk/hypercall.h"
#include "gk/page-alloc.h"
#include "gk/pagetable.h"

#define BATCH       64
#define INVALID_P2M (~0UL)

static size_t nr_given_back;
/* Lowest PFN that may have been given back: where refilling searches. */
static uint64_t refill_hint = UINT64_MAX;

static uint64_t *p2m(void)
{
    /* The P2M is ours, in the boot region, mapped writable. */
    return (uint64_t *)gk_start_info->mfn_list;
}

static long reservation_op(unsigned int cmd, uint64_t *frames, size_t nr)
{
    struct xen_memory_reservation r = {
        .extent_start = (uint64_t)frames,
        .nr_extents = nr,
        .extent_order = 0,
        .domid = DOMID_SELF,
    };

    return HYPERVISOR_memory_op(cmd, &r);
}

long gk_reservation_current(void)
{
    uint16_t dom = DOMID_SELF;

    return HYPERVISOR_memory_op(XENMEM_current_reservation, &dom);
}

long gk_reservation_max(void)
{
    uint16_t dom = DOMID_SELF;

    return HYPERVISOR_memory_op(XENMEM_maximum_reservation, &dom);
}

/* One batch out: at most BATCH pages. Returns pages gone or -errno. */
static long shrink_batch(size_t nr)
{
    uint64_t pfn[BATCH], mfn[BATCH];
    size_t got = 0;
    long done;
    unsigned int flags;

    for (; got < nr && got < BATCH; got++) {
        pfn[got] = gk_page_alloc();
        if (pfn[got] == GK_PAGE_NONE)
            break;
        mfn[got] = gk_pfn_to_mfn(pfn[got]);
    }
    if (!got)
        return -XEN_ENOMEM;
    done = reservation_op(XENMEM_decrease_reservation, mfn, got);
    flags = gk_local_irq_save();
    for (size_t i = 0; i < got; i++) {
        if (done > 0 && i < (size_t)done) {
            /* Gone: the PFN stays allocated, out of the pool for good. */
            p2m()[pfn[i]] = INVALID_P2M;
            gk_page_pool_remove(gk_page_pool_locked(), pfn[i]);
            nr_given_back++;
            if (pfn[i] < refill_hint)
                refill_hint = pfn[i];
        } else {
            gk_page_pool_free(gk_page_pool_locked(), pfn[i], 1);
        }
    }
    gk_local_irq_restore(flags);
    return done;
}

long gk_reservation_shrink(size_t nr)
{
    size_t total = 0;

    while (total < nr) {
        long rc = shrink_batch(nr - total);

        if (rc <= 0)
            return total ? (long)total : (rc ? rc : -XEN_ENOMEM);
        total += (size_t)rc;
        if ((size_t)rc < BATCH && total < nr)
            break;
    }
    return (long)total;
}

/* Up to max given-back PFNs, lowest first, into pfn[]. */
static size_t find_holes(uint64_t *pfn, size_t max)
{
    uint64_t top = gk_start_info->nr_pages;
    size_t n = 0;

    if (top > GK_PAGE_MAX_PFNS)
        top = GK_PAGE_MAX_PFNS;
    for (uint64_t p = refill_hint; p < top && n < max; p++)
        if (p2m()[p] == INVALID_P2M)
            pfn[n++] = p;
    return n;
}

long gk_reservation_grow(size_t nr)
{
    uint64_t pfn[BATCH], frames[BATCH];
    size_t total = 0;

    while (total < nr && nr_given_back) {
        size_t want = nr - total < BATCH ? nr - total : BATCH;
        size_t n = find_holes(pfn, want);
        unsigned int flags;
        long done;

        if (!n)
            break;
        for (size_t i = 0; i < n; i++)
            frames[i] = pfn[i];
        /* In: the PFNs to fill; out: the MFNs now behind them. */
        done = reservation_op(XENMEM_populate_physmap, frames, n);
        if (done <= 0)
            return total ? (long)total : (done ? done : -XEN_ENOMEM);
        flags = gk_local_irq_save();
        for (long i = 0; i < done; i++) {
            p2m()[pfn[i]] = frames[i];
            gk_page_pool_add(gk_page_pool_locked(), pfn[i], 1);
            nr_given_back--;
        }
        gk_local_irq_restore(flags);
        total += (size_t)done;
        if ((size_t)done < n)
            break;
    }
    if (!nr_given_back)
        refill_hint = UINT64_MAX;
    return (long)total;
}

size_t gk_reservation_nr_given_back(void)
{
    return nr_given_back;
}
