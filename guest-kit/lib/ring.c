/* SPDX-License-Identifier: MIT */
/*
 * Copies into and out of free-running-index byte rings. The ring is
 * shared memory the peer may change under us: each byte is read or
 * written once, through volatile, and indices are checked before use.
 */
#include "gk/ring.h"

size_t gk_ring_put(volatile char *ring, uint32_t size, uint32_t prod,
                   uint32_t cons, const void *data, size_t len)
{
    const char *src = data;
    uint32_t room = gk_ring_free(size, prod, cons);
    size_t n = len < room ? len : room;

    for (size_t i = 0; i < n; i++)
        ring[(prod + (uint32_t)i) & (size - 1)] = src[i];
    return n;
}

size_t gk_ring_get(const volatile char *ring, uint32_t size, uint32_t prod,
                   uint32_t cons, void *out, size_t len)
{
    char *dst = out;
    uint32_t avail;
    size_t n;

    if (!gk_ring_is_sane(size, prod, cons))
        return 0;
    avail = gk_ring_used(prod, cons);
    n = len < avail ? len : avail;
    for (size_t i = 0; i < n; i++)
        dst[i] = ring[(cons + (uint32_t)i) & (size - 1)];
    return n;
}
