/* SPDX-License-Identifier: MIT */
/* The event upcall's scan of the 2-level bitmaps, and port helpers. */
#include "gk/events.h"

#include <stddef.h>

#include "abi/callback.h"
#include "abi/memory.h"
#include "abi/version.h"
#include "gk/boot.h"
#include "gk/hypercall.h"
#include "gk/traps.h"

/* Until gk_events_init finds shared_info, the mask lives here. */
static struct vcpu_info boot_vcpu_info = { .evtchn_upcall_mask = 1 };

struct vcpu_info *gk_vcpu_info = &boot_vcpu_info;
volatile unsigned int gk_nr_upcalls;
volatile unsigned int gk_nr_upcalls_while_masked;

static struct {
    gk_evtchn_handler_t fn;
    void *data;
} handlers[EVTCHN_2L_NR_CHANNELS];
static volatile unsigned int hits[EVTCHN_2L_NR_CHANNELS];

/* The entry in upcall.S. */
extern char gk_upcall_entry[];

long gk_events_init(void)
{
    struct callback_register cb = {
        .type = CALLBACKTYPE_event,
        .address = (uint64_t)gk_upcall_entry,
    };

    if (gk_shared_info)
        gk_vcpu_info = &gk_shared_info->vcpu_info[0];
    return HYPERVISOR_callback_op(CALLBACKOP_register, &cb);
}

void gk_evtchn_set_handler(evtchn_port_t port, gk_evtchn_handler_t handler,
                           void *data)
{
    if (port >= EVTCHN_2L_NR_CHANNELS)
        return;
    handlers[port].fn = NULL;
    __asm__ __volatile__("" ::: "memory");
    handlers[port].data = data;
    __asm__ __volatile__("" ::: "memory");
    handlers[port].fn = handler;
}

unsigned int gk_evtchn_hits(evtchn_port_t port)
{
    return port < EVTCHN_2L_NR_CHANNELS ? hits[port] : 0;
}

static uint64_t *word_of(uint64_t *bitmap, evtchn_port_t port)
{
    return &bitmap[port / 64];
}

bool gk_evtchn_is_pending(evtchn_port_t port)
{
    return port < EVTCHN_2L_NR_CHANNELS &&
           (__atomic_load_n(word_of(gk_shared_info->evtchn_pending, port),
                            __ATOMIC_SEQ_CST) >> (port % 64)) & 1;
}

bool gk_evtchn_is_masked(evtchn_port_t port)
{
    return port < EVTCHN_2L_NR_CHANNELS &&
           (__atomic_load_n(word_of(gk_shared_info->evtchn_mask, port),
                            __ATOMIC_SEQ_CST) >> (port % 64)) & 1;
}

void gk_evtchn_mask(evtchn_port_t port)
{
    if (port < EVTCHN_2L_NR_CHANNELS)
        __atomic_fetch_or(word_of(gk_shared_info->evtchn_mask, port),
                          1ULL << (port % 64), __ATOMIC_SEQ_CST);
}

void gk_evtchn_clear(evtchn_port_t port)
{
    if (port < EVTCHN_2L_NR_CHANNELS)
        __atomic_fetch_and(word_of(gk_shared_info->evtchn_pending, port),
                           ~(1ULL << (port % 64)), __ATOMIC_SEQ_CST);
}

void gk_force_upcall(void)
{
    /* The cheapest hypercall; delivery happens on its way back. */
    HYPERVISOR_xen_version(XENVER_version, NULL);
}

/* One pass: the selector says which words may hold events. */
static void scan_once(struct shared_info *s)
{
    uint64_t sel = __atomic_exchange_n(&gk_vcpu_info->evtchn_pending_sel, 0,
                                       __ATOMIC_SEQ_CST);

    while (sel) {
        unsigned int w = (unsigned int)__builtin_ctzll(sel);
        uint64_t ready;

        sel &= sel - 1;
        ready = __atomic_load_n(&s->evtchn_pending[w], __ATOMIC_SEQ_CST) &
                ~__atomic_load_n(&s->evtchn_mask[w], __ATOMIC_SEQ_CST);
        while (ready) {
            unsigned int b = (unsigned int)__builtin_ctzll(ready);
            evtchn_port_t port = w * 64 + b;

            ready &= ready - 1;
            /* Clear before handling: a new event then re-raises it. */
            __atomic_fetch_and(&s->evtchn_pending[w], ~(1ULL << b),
                               __ATOMIC_SEQ_CST);
            hits[port]++;
            if (handlers[port].fn)
                handlers[port].fn(port, handlers[port].data);
        }
    }
}

/*
 * Called by gk_upcall_entry with the interrupted context's frame, events
 * masked. Rescans while the hypervisor raises more: bounded by the number
 * of ports, since each pass clears what it takes.
 */
void gk_upcall_dispatch(const struct gk_trap_frame *frame);
void gk_upcall_dispatch(const struct gk_trap_frame *frame)
{
    struct shared_info *s = gk_shared_info;

    gk_nr_upcalls++;
    /* The saved mask (CS bits 32-39) must show events were enabled. */
    if ((frame->cs >> 32) & 0xFF)
        gk_nr_upcalls_while_masked++;
    if (!s)
        return;
    for (unsigned int pass = 0; pass < 64; pass++) {
        __atomic_store_n(&gk_vcpu_info->evtchn_upcall_pending, 0,
                         __ATOMIC_SEQ_CST);
        scan_once(s);
        if (!__atomic_load_n(&gk_vcpu_info->evtchn_upcall_pending,
                             __ATOMIC_SEQ_CST))
            break;
    }
}

static long op(int cmd, void *arg)
{
    return HYPERVISOR_event_channel_op(cmd, arg);
}

long gk_evtchn_alloc_unbound(uint16_t remote_dom)
{
    struct evtchn_alloc_unbound a = { .dom = DOMID_SELF,
                                      .remote_dom = remote_dom };
    long rc = op(EVTCHNOP_alloc_unbound, &a);

    return rc ? rc : a.port;
}

long gk_evtchn_bind_interdomain(uint16_t remote_dom, evtchn_port_t port)
{
    struct evtchn_bind_interdomain b = { .remote_dom = remote_dom,
                                         .remote_port = port };
    long rc = op(EVTCHNOP_bind_interdomain, &b);

    return rc ? rc : b.local_port;
}

long gk_evtchn_bind_virq(uint32_t virq, uint32_t vcpu)
{
    struct evtchn_bind_virq b = { .virq = virq, .vcpu = vcpu };
    long rc = op(EVTCHNOP_bind_virq, &b);

    return rc ? rc : b.port;
}

long gk_evtchn_bind_ipi(uint32_t vcpu)
{
    struct evtchn_bind_ipi b = { .vcpu = vcpu };
    long rc = op(EVTCHNOP_bind_ipi, &b);

    return rc ? rc : b.port;
}

long gk_evtchn_close(evtchn_port_t port)
{
    struct evtchn_close c = { .port = port };

    return op(EVTCHNOP_close, &c);
}

long gk_evtchn_send(evtchn_port_t port)
{
    struct evtchn_send s = { .port = port };

    return op(EVTCHNOP_send, &s);
}

long gk_evtchn_unmask(evtchn_port_t port)
{
    struct evtchn_unmask u = { .port = port };

    return op(EVTCHNOP_unmask, &u);
}

long gk_evtchn_bind_vcpu(evtchn_port_t port, uint32_t vcpu)
{
    struct evtchn_bind_vcpu b = { .port = port, .vcpu = vcpu };

    return op(EVTCHNOP_bind_vcpu, &b);
}

long gk_evtchn_status(uint16_t dom, evtchn_port_t port,
                      struct evtchn_status *out)
{
    out->dom = dom;
    out->port = port;
    return op(EVTCHNOP_status, out);
}
