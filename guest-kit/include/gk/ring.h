/* SPDX-License-Identifier: MIT */
/*
 * Byte rings with free-running 32-bit indices, the layout of the console
 * and xenstore rings: size is a power of two, prod and cons only grow
 * (wrapping at 2^32) and index & (size - 1) is the position. One side
 * writes prod, the other cons; neither trusts the other's index.
 *
 * These helpers copy and count only. The caller orders memory: read the
 * peer's index, then a read barrier, copy, a write barrier, then publish
 * its own index (prod + copied, or cons + copied).
 */
#ifndef GK_RING_H
#define GK_RING_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* Bytes queued: prod - cons. */
static inline uint32_t gk_ring_used(uint32_t prod, uint32_t cons)
{
    return prod - cons;
}

/*
 * True if the indices make sense for a ring of size bytes (a power of
 * two): a peer claiming more than size bytes queued is broken or hostile.
 */
static inline bool gk_ring_is_sane(uint32_t size, uint32_t prod,
                                   uint32_t cons)
{
    return size && !(size & (size - 1)) && gk_ring_used(prod, cons) <= size;
}

/* Bytes that may be written: size - used, 0 if the indices are not sane. */
static inline uint32_t gk_ring_free(uint32_t size, uint32_t prod,
                                    uint32_t cons)
{
    return gk_ring_is_sane(size, prod, cons) ? size -
                                                   gk_ring_used(prod, cons)
                                             : 0;
}

/*
 * Copy up to len bytes of data into ring (size bytes) at prod, wrapping.
 * Returns the bytes copied (less than len if the ring fills; 0 if the
 * indices are not sane); the caller then publishes prod + that.
 */
size_t gk_ring_put(volatile char *ring, uint32_t size, uint32_t prod,
                   uint32_t cons, const void *data, size_t len);

/*
 * Copy up to len queued bytes from ring at cons into out. Returns the
 * bytes copied (0 if the indices are not sane); the caller then publishes
 * cons + that.
 */
size_t gk_ring_get(const volatile char *ring, uint32_t size, uint32_t prod,
                   uint32_t cons, void *out, size_t len);

#endif
