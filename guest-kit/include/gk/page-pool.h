/* SPDX-License-Identifier: MIT */
/*
 * A pool of page frames numbered base .. base + size - 1, one bit each:
 * clear = free, set = allocated or not in the pool. Plain C with no locks
 * and no hypercalls: gk/page-alloc.h puts the domain's free PFNs in one
 * and serialises it; the host unit tests drive it directly.
 */
#ifndef GK_PAGE_POOL_H
#define GK_PAGE_POOL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* What allocation returns when nothing fits. */
#define GK_PAGE_NONE UINT64_MAX

struct gk_page_pool {
    uint64_t *map;       /* size bits; set = not free */
    uint64_t base;       /* frame number of bit 0 */
    size_t size;         /* frames the map covers */
    size_t nr_managed;   /* frames added and not removed */
    size_t nr_free;      /* of those, free now */
    size_t hint;         /* next-fit: where the last search ended */
};

/*
 * Start an empty pool over frames [base, base + size) with map storage of
 * GK_BITMAP_WORDS(size) words; no frame is in it until added.
 */
void gk_page_pool_init(struct gk_page_pool *pool, uint64_t *map,
                       uint64_t base, size_t size);

/*
 * Add frames [first, first + nr) as free. The caller guarantees they are
 * not in the pool now; frames outside the map are ignored. Returns how
 * many were added.
 */
size_t gk_page_pool_add(struct gk_page_pool *pool, uint64_t first, size_t nr);

/*
 * Allocate nr contiguous frames whose first is a multiple of align (a
 * power of two; 0 or 1 for any). Returns the first frame or GK_PAGE_NONE.
 */
uint64_t gk_page_pool_alloc(struct gk_page_pool *pool, size_t nr,
                            size_t align);

/*
 * Free frames [first, first + nr). Returns false, changing nothing, if
 * any of them is outside the map or already free (a double free).
 */
bool gk_page_pool_free(struct gk_page_pool *pool, uint64_t first, size_t nr);

/*
 * Take an allocated frame out of the pool for good (e.g. given back to
 * the hypervisor); gk_page_pool_add brings it back. False if the frame is
 * outside the map or free.
 */
bool gk_page_pool_remove(struct gk_page_pool *pool, uint64_t frame);

/* True if frame is in the pool and free. */
bool gk_page_pool_is_free(const struct gk_page_pool *pool, uint64_t frame);

/* Frames of the pool allocated now. */
static inline size_t gk_page_pool_in_use(const struct gk_page_pool *pool)
{
    return pool->nr_managed - pool->nr_free;
}

#endif
