/* SPDX-License-Identifier: MIT */
/* The console ring's two directions: free-running u32 indexes. */
#include "ring.h"

#define barrier() __asm__ __volatile__("" ::: "memory")

static size_t put(char *ring, size_t size, volatile uint32_t *cons_p,
                  volatile uint32_t *prod_p, const char *buf, size_t len)
{
    uint32_t cons = *cons_p, prod = *prod_p;
    size_t n = 0;

    barrier();
    while (n < len && prod - cons < size)
        ring[prod++ % size] = buf[n++];
    barrier();
    *prod_p = prod;
    return n;
}

static size_t get(const char *ring, size_t size, volatile uint32_t *cons_p,
                  volatile uint32_t *prod_p, char *buf, size_t len)
{
    uint32_t cons = *cons_p, prod = *prod_p;
    size_t n = 0;

    barrier();
    /* A hostile producer may claim more than the ring holds. */
    if (prod - cons > size)
        cons = prod - size;
    while (n < len && cons != prod)
        buf[n++] = ring[cons++ % size];
    barrier();
    *cons_p = cons;
    return n;
}

size_t dom_ring_put(struct dom_ring *r, const char *buf, size_t len)
{
    return put(r->out, sizeof(r->out), &r->out_cons, &r->out_prod, buf, len);
}

size_t dom_ring_get(struct dom_ring *r, char *buf, size_t size)
{
    return get(r->out, sizeof(r->out), &r->out_cons, &r->out_prod, buf,
               size);
}

size_t dom_ring_put_in(struct dom_ring *r, const char *buf, size_t len)
{
    return put(r->in, sizeof(r->in), &r->in_cons, &r->in_prod, buf, len);
}

size_t dom_ring_get_in(struct dom_ring *r, char *buf, size_t size)
{
    return get(r->in, sizeof(r->in), &r->in_cons, &r->in_prod, buf, size);
}
