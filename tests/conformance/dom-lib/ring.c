/* SPDX-License-Identifier: MIT */
/* The console ring's out direction: free-running u32 indexes. */
#include "ring.h"

#define OUT_SIZE sizeof(((struct dom_ring *)0)->out)

#define barrier() __asm__ __volatile__("" ::: "memory")

size_t dom_ring_put(struct dom_ring *r, const char *buf, size_t len)
{
    volatile struct dom_ring *v = r;
    uint32_t cons = v->out_cons, prod = v->out_prod;
    size_t n = 0;

    barrier();
    while (n < len && prod - cons < OUT_SIZE)
        r->out[prod++ % OUT_SIZE] = buf[n++];
    barrier();
    v->out_prod = prod;
    return n;
}

size_t dom_ring_get(struct dom_ring *r, char *buf, size_t size)
{
    volatile struct dom_ring *v = r;
    uint32_t cons = v->out_cons, prod = v->out_prod;
    size_t n = 0;

    barrier();
    /* A hostile producer may claim more than the ring holds. */
    if (prod - cons > OUT_SIZE)
        cons = prod - OUT_SIZE;
    while (n < size && cons != prod)
        buf[n++] = r->out[cons++ % OUT_SIZE];
    barrier();
    v->out_cons = cons;
    return n;
}
