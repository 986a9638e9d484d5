/* SPDX-License-Identifier: MIT */
/*
 * Bitmaps of 64-bit words: bit n lives in word n / 64 at position n % 64.
 * Plain C with no locks (callers serialise); the page allocator, the VA
 * allocator and the heap's slot maps are built on it.
 */
#ifndef GK_BITMAP_H
#define GK_BITMAP_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* Words needed for nr_bits bits. */
#define GK_BITMAP_WORDS(nr_bits) (((nr_bits) + 63) / 64)

/* Set, clear or test bit n. */
static inline void gk_bitmap_set(uint64_t *map, size_t n)
{
    map[n / 64] |= 1ULL << (n % 64);
}

static inline void gk_bitmap_clear(uint64_t *map, size_t n)
{
    map[n / 64] &= ~(1ULL << (n % 64));
}

static inline bool gk_bitmap_test(const uint64_t *map, size_t n)
{
    return (map[n / 64] >> (n % 64)) & 1;
}

/* Set or clear bits [start, start + nr). */
void gk_bitmap_set_range(uint64_t *map, size_t start, size_t nr);
void gk_bitmap_clear_range(uint64_t *map, size_t start, size_t nr);

/*
 * The first set (or clear) bit at or after start among the first size
 * bits; size if there is none.
 */
size_t gk_bitmap_next_set(const uint64_t *map, size_t size, size_t start);
size_t gk_bitmap_next_zero(const uint64_t *map, size_t size, size_t start);

/*
 * The first index >= start of nr consecutive clear bits that all lie
 * below size; size if there is no such run. nr 0 returns size.
 */
size_t gk_bitmap_find_zero_area(const uint64_t *map, size_t size,
                                size_t start, size_t nr);

/* True if bits [start, start + nr) are all set (or all clear). */
bool gk_bitmap_range_is_set(const uint64_t *map, size_t start, size_t nr);
bool gk_bitmap_range_is_clear(const uint64_t *map, size_t start, size_t nr);

/* Number of set bits among the first size bits. */
size_t gk_bitmap_count(const uint64_t *map, size_t size);

#endif
