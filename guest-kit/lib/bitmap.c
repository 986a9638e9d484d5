/* SPDX-License-Identifier: MIT */
/* Bitmap scans a word at a time; portable, unit-tested on the host. */
#include "gk/bitmap.h"

/* Mask of bits [lo, hi) within one word, 0 <= lo < hi <= 64. */
static uint64_t word_mask(unsigned int lo, unsigned int hi)
{
    uint64_t m = hi == 64 ? ~0ULL : (1ULL << hi) - 1;

    return m & ~((1ULL << lo) - 1);
}

/* Apply set (or clear) to [start, start + nr) a word at a time. */
static void change_range(uint64_t *map, size_t start, size_t nr, bool set)
{
    while (nr) {
        unsigned int lo = start % 64;
        unsigned int hi = nr < 64 - lo ? lo + (unsigned int)nr : 64;
        uint64_t m = word_mask(lo, hi);

        if (set)
            map[start / 64] |= m;
        else
            map[start / 64] &= ~m;
        nr -= hi - lo;
        start += hi - lo;
    }
}

void gk_bitmap_set_range(uint64_t *map, size_t start, size_t nr)
{
    change_range(map, start, nr, true);
}

void gk_bitmap_clear_range(uint64_t *map, size_t start, size_t nr)
{
    change_range(map, start, nr, false);
}

/* The scan both finders share: invert gives the clear bits. */
static size_t next_bit(const uint64_t *map, size_t size, size_t start,
                       uint64_t invert)
{
    size_t w;
    uint64_t bits;

    if (start >= size)
        return size;
    w = start / 64;
    bits = (map[w] ^ invert) & ~((1ULL << (start % 64)) - 1);
    for (;;) {
        if (bits) {
            size_t n = w * 64 + (size_t)__builtin_ctzll(bits);

            return n < size ? n : size;
        }
        if (++w >= GK_BITMAP_WORDS(size))
            return size;
        bits = map[w] ^ invert;
    }
}

size_t gk_bitmap_next_set(const uint64_t *map, size_t size, size_t start)
{
    return next_bit(map, size, start, 0);
}

size_t gk_bitmap_next_zero(const uint64_t *map, size_t size, size_t start)
{
    return next_bit(map, size, start, ~0ULL);
}

size_t gk_bitmap_find_zero_area(const uint64_t *map, size_t size,
                                size_t start, size_t nr)
{
    if (!nr)
        return size;
    while (start < size && size - start >= nr) {
        size_t first = gk_bitmap_next_zero(map, size, start);
        size_t end;

        if (first >= size || size - first < nr)
            return size;
        end = gk_bitmap_next_set(map, first + nr, first);
        if (end == first + nr)
            return first;
        start = end + 1;
    }
    return size;
}

bool gk_bitmap_range_is_set(const uint64_t *map, size_t start, size_t nr)
{
    return gk_bitmap_next_zero(map, start + nr, start) == start + nr;
}

bool gk_bitmap_range_is_clear(const uint64_t *map, size_t start, size_t nr)
{
    return gk_bitmap_next_set(map, start + nr, start) == start + nr;
}

/* Set bits of w; no __builtin_popcount: kernels link without libgcc. */
static unsigned int popcount(uint64_t w)
{
    w = w - ((w >> 1) & 0x5555555555555555ULL);
    w = (w & 0x3333333333333333ULL) + ((w >> 2) & 0x3333333333333333ULL);
    w = (w + (w >> 4)) & 0x0F0F0F0F0F0F0F0FULL;
    return (unsigned int)((w * 0x0101010101010101ULL) >> 56);
}

size_t gk_bitmap_count(const uint64_t *map, size_t size)
{
    size_t n = 0, w;

    for (w = 0; w < size / 64; w++)
        n += popcount(map[w]);
    if (size % 64)
        n += popcount(map[w] & word_mask(0, size % 64));
    return n;
}
