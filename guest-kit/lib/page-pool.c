/* SPDX-License-Identifier: MIT */
/* A next-fit frame allocator over a bitmap; portable, no locks. */
#include "gk/page-pool.h"

#include "gk/bitmap.h"

void gk_page_pool_init(struct gk_page_pool *pool, uint64_t *map,
                       uint64_t base, size_t size)
{
    pool->map = map;
    pool->base = base;
    pool->size = size;
    pool->nr_managed = 0;
    pool->nr_free = 0;
    pool->hint = 0;
    /* Everything starts "not free": only added frames may be handed out. */
    gk_bitmap_set_range(map, 0, size);
}

/* Clip [first, first + nr) to the map; false if nothing is left. */
static bool clip(const struct gk_page_pool *pool, uint64_t first, size_t nr,
                 size_t *idx, size_t *n)
{
    uint64_t end = first + nr;

    if (end < first)
        end = UINT64_MAX;
    if (first < pool->base)
        first = pool->base;
    if (end > pool->base + pool->size)
        end = pool->base + pool->size;
    if (first >= end)
        return false;
    *idx = (size_t)(first - pool->base);
    *n = (size_t)(end - first);
    return true;
}

size_t gk_page_pool_add(struct gk_page_pool *pool, uint64_t first, size_t nr)
{
    size_t idx, n, added = 0;

    if (!clip(pool, first, nr, &idx, &n))
        return 0;
    for (size_t i = idx; i < idx + n; i++) {
        /* A clear bit is already free: adding it twice would count twice. */
        if (!gk_bitmap_test(pool->map, i))
            continue;
        gk_bitmap_clear(pool->map, i);
        added++;
    }
    pool->nr_managed += added;
    pool->nr_free += added;
    return added;
}

/* First aligned run of nr clear bits at or after start, or size. */
static size_t find_run(const struct gk_page_pool *pool, size_t start,
                       size_t nr, size_t align)
{
    for (;;) {
        size_t i = gk_bitmap_find_zero_area(pool->map, pool->size, start, nr);
        uint64_t frame, up;

        if (i >= pool->size || align <= 1)
            return i;
        frame = pool->base + i;
        up = (frame + align - 1) & ~(uint64_t)(align - 1);
        if (up == frame)
            return i;
        start = i + (size_t)(up - frame);
    }
}

uint64_t gk_page_pool_alloc(struct gk_page_pool *pool, size_t nr,
                            size_t align)
{
    size_t i;

    if (!nr || nr > pool->nr_free || (align & (align - 1)))
        return GK_PAGE_NONE;
    i = find_run(pool, pool->hint, nr, align);
    if (i >= pool->size && pool->hint)
        i = find_run(pool, 0, nr, align);
    if (i >= pool->size)
        return GK_PAGE_NONE;
    gk_bitmap_set_range(pool->map, i, nr);
    pool->nr_free -= nr;
    pool->hint = i + nr < pool->size ? i + nr : 0;
    return pool->base + i;
}

bool gk_page_pool_free(struct gk_page_pool *pool, uint64_t first, size_t nr)
{
    size_t idx;

    if (!nr || first < pool->base || first - pool->base >= pool->size ||
        nr > pool->size - (first - pool->base))
        return false;
    idx = (size_t)(first - pool->base);
    if (!gk_bitmap_range_is_set(pool->map, idx, nr))
        return false;
    gk_bitmap_clear_range(pool->map, idx, nr);
    pool->nr_free += nr;
    return true;
}

bool gk_page_pool_remove(struct gk_page_pool *pool, uint64_t frame)
{
    if (frame < pool->base || frame - pool->base >= pool->size ||
        !gk_bitmap_test(pool->map, (size_t)(frame - pool->base)) ||
        !pool->nr_managed)
        return false;
    /* The bit stays set: a removed frame is "not free", like an absent one. */
    pool->nr_managed--;
    return true;
}

bool gk_page_pool_is_free(const struct gk_page_pool *pool, uint64_t frame)
{
    return frame >= pool->base && frame - pool->base < pool->size &&
           !gk_bitmap_test(pool->map, (size_t)(frame - pool->base));
}
