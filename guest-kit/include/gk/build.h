/* SPDX-License-Identifier: MIT */
/*
 * Building and driving other domains from a privileged guest-kit kernel:
 * the toolstack's PV builder (toolstack/lib/builder) bound to hypercalls
 * (populate_physmap for the domain, mmu_update with it as foreign domain
 * to map its frames, MMUEXT_PIN_L4_TABLE for it, setvcpucontext), plus
 * the domctl and event-channel calls around it.
 */
#ifndef GK_BUILD_H
#define GK_BUILD_H

#include <stddef.h>
#include <stdint.h>

#include "abi/event-channel.h"
#include "abi/vcpu-context.h"
#include "toolstack/lib/builder/pv-build.h"

/* A domU this kernel built. */
struct gk_domu {
    unsigned int id;
    uint64_t nr_pages;
    evtchn_port_t store_port;   /* the domU's ports, offered to us */
    evtchn_port_t console_port;
    struct pvb_result image;
};

/*
 * Create a one-vCPU domain with nr_pages of memory, offer it xenstore and
 * console ports (unbound, for dom0), and build kernel into it. Leaves it
 * paused. Returns 0, or a negative errno with *why naming the step; on
 * failure a domain that was created is destroyed again.
 */
long gk_domu_build(struct gk_domu *d, const void *kernel, size_t size,
                   uint64_t nr_pages, const char *cmdline, const char **why);

/*
 * Map frame mfn of domain id at one of a few scratch VAs (mmu_update of
 * our own L1 entry with id as foreign domain), writable or read-only.
 * Returns the VA, or NULL with the hypercall's result in *rc.
 */
void *gk_foreign_map(unsigned int id, uint64_t mfn, int writable, long *rc);
void gk_foreign_unmap(void *va);

/* domctl commands guest-kit/core/control.c lacks; 0 or -errno. */
long gk_domain_pause(unsigned int id);
long gk_domain_unpause(unsigned int id);
long gk_domain_max_mem(unsigned int id, uint64_t kib);
long gk_domain_set_vcpu_context(unsigned int id, unsigned int vcpu,
                                const struct vcpu_guest_context *c);

/* memory_op populate_physmap for domain id: PFNs 0..nr-1, MFNs out. */
long gk_domain_populate(unsigned int id, uint64_t nr, uint64_t *mfns);

/* EVTCHNOP_alloc_unbound in domain dom for remote; port or -errno. */
long gk_evtchn_alloc_unbound_in(uint16_t dom, uint16_t remote);

/* SCHEDOP_poll on one port until it is pending or deadline (system time
 * ns, 0 = none); 0 or -errno. */
long gk_poll_port(evtchn_port_t port, uint64_t deadline);

/* The second boot module (a domU kernel the runner passed), or NULL. */
const void *gk_boot_module(size_t *size);

#endif
