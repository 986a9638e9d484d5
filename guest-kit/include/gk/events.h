/* SPDX-License-Identifier: MIT */
/*
 * Events for guest kernels. A PV guest has no cli/sti: vCPU 0's
 * evtchn_upcall_mask is its interrupt flag (1 = "cli"), and pending
 * events arrive as an upcall to the callback registered here, which
 * scans the 2-level bitmaps, clears what it takes and calls per-port
 * handlers with the mask set, then returns through the iret hypercall.
 */
#ifndef GK_EVENTS_H
#define GK_EVENTS_H

#include <stdbool.h>
#include <stdint.h>

#include "abi/event-channel.h"
#include "abi/shared-info.h"

/* The vcpu_info the mask and upcall flag live in (vCPU 0's by default). */
extern struct vcpu_info *gk_vcpu_info;

/* A port's handler, called from the upcall with events masked. */
typedef void (*gk_evtchn_handler_t)(evtchn_port_t port, void *data);

/*
 * Register the event callback (events stay masked until enabled).
 * Returns the hypercall's result.
 */
long gk_events_init(void);

/* Call handler(port, data) for each event on port; NULL removes it. */
void gk_evtchn_set_handler(evtchn_port_t port, gk_evtchn_handler_t handler,
                           void *data);

/* Events taken from port by the upcall so far (ports >= 4096: 0). */
unsigned int gk_evtchn_hits(evtchn_port_t port);

/* Upcalls entered, and how many of them interrupted masked code. */
extern volatile unsigned int gk_nr_upcalls;
extern volatile unsigned int gk_nr_upcalls_while_masked;

/* Bits of the shared bitmaps, changed atomically (other vCPUs race). */
bool gk_evtchn_is_pending(evtchn_port_t port);
bool gk_evtchn_is_masked(evtchn_port_t port);
void gk_evtchn_mask(evtchn_port_t port);
void gk_evtchn_clear(evtchn_port_t port);

/* Have pending, deliverable events delivered now (any hypercall does). */
void gk_force_upcall(void);

/* "cli": mask upcalls; returns the previous mask for restore. */
static inline unsigned int gk_local_irq_save(void)
{
    unsigned int flags = gk_vcpu_info->evtchn_upcall_mask;

    gk_vcpu_info->evtchn_upcall_mask = 1;
    __asm__ __volatile__("" ::: "memory");
    return flags;
}

/*
 * "sti" when flags is 0: unmask, then take what arrived while masked. The
 * mask is only read by the hypervisor on this vCPU's own returns, so a
 * plain store suffices; the pending check after it closes the window.
 */
static inline void gk_local_irq_restore(unsigned int flags)
{
    __asm__ __volatile__("" ::: "memory");
    gk_vcpu_info->evtchn_upcall_mask = (uint8_t)flags;
    __asm__ __volatile__("" ::: "memory");
    if (!flags && gk_vcpu_info->evtchn_upcall_pending)
        gk_force_upcall();
}

static inline void gk_local_irq_disable(void)
{
    gk_local_irq_save();
}

static inline void gk_local_irq_enable(void)
{
    gk_local_irq_restore(0);
}

/* Thin wrappers of event_channel_op: port (>= 0) or -errno. */
long gk_evtchn_alloc_unbound(uint16_t remote_dom);
long gk_evtchn_bind_interdomain(uint16_t remote_dom, evtchn_port_t port);
long gk_evtchn_bind_virq(uint32_t virq, uint32_t vcpu);
long gk_evtchn_bind_ipi(uint32_t vcpu);
long gk_evtchn_close(evtchn_port_t port);
long gk_evtchn_send(evtchn_port_t port);
long gk_evtchn_unmask(evtchn_port_t port);
long gk_evtchn_bind_vcpu(evtchn_port_t port, uint32_t vcpu);
long gk_evtchn_status(uint16_t dom, evtchn_port_t port,
                      struct evtchn_status *out);

#endif
