/* SPDX-License-Identifier: MIT */
/*
 * How the dom-* and hostile-dom-* test domUs report to the dom0 test
 * kernel: text lines on the domU's console ring (the xencons layout of
 * reference §8: in[1024] @0, out[2048] @1024, in_cons, in_prod, out_cons,
 * out_prod u32 @3072..3084), with a notification on the console port.
 * That works on Xen too, where a domU's console_io is refused. Lines:
 *   main <system time ns>   the domU reached main()
 *   ok <what> / FAIL <what> one check each
 *   done                    all checks ran
 *   did <result>            a command from dom0 (the in direction, one
 *                           line each) is carried out
 * A word past the ring (DOM_RING_COUNTER) is a counter busy domUs bump,
 * so dom0 can see whether they run.
 */
#ifndef DOM_LIB_RING_H
#define DOM_LIB_RING_H

#include <stddef.h>
#include <stdint.h>

struct dom_ring {
    char in[1024];             /* to the domU: command lines */
    char out[2048];            /* from the domU */
    uint32_t in_cons, in_prod;
    uint32_t out_cons, out_prod;
};

#define DOM_RING_COUNTER 0xE00 /* byte offset in the console page */

static inline volatile uint64_t *dom_ring_counter(void *page)
{
    return (volatile uint64_t *)((char *)page + DOM_RING_COUNTER);
}

/* Producer: copy as much of buf as fits; returns the bytes taken. */
size_t dom_ring_put(struct dom_ring *r, const char *buf, size_t len);

/* Consumer: up to size bytes; returns the bytes taken. */
size_t dom_ring_get(struct dom_ring *r, char *buf, size_t size);

/* The same for the in direction (dom0 produces, the domU consumes). */
size_t dom_ring_put_in(struct dom_ring *r, const char *buf, size_t len);
size_t dom_ring_get_in(struct dom_ring *r, char *buf, size_t size);

#endif
