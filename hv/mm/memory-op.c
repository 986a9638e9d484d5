/* SPDX-License-Identifier: MIT */
/* memory_op (12): what a domain may learn about memory, and its limits. */
#include "hypercall/guest-copy.h"
#include "hypercall/hypercall.h"
#include "console/console.h"
#include "domain/domain.h"
#include "mm/e820.h"
#include "mm/frame.h"
#include "mm/reservation.h"

#include <abi/memory.h>
#include <abi/pv64.h>
#include <hv/errno.h>

/* The domain a {domid} argument names: self, or any with privilege. */
static long target_domain(struct vcpu *v, uint64_t arg, struct domain **out)
{
    uint16_t domid;
    struct domain *d;

    if (copy_from_guest(&domid, arg, sizeof(domid)))
        return gerr(v, -EFAULT, "memory_op: %#lx unreadable", arg);
    if (domid == DOMID_SELF || domid == v->domain->domain_id) {
        *out = v->domain;
        return 0;
    }
    if (!is_privileged(v->domain))
        return gerr(v, -EPERM, "memory_op: d%u is not ours", domid);
    d = domain_lookup(domid);
    if (!d)
        return gerr(v, -ESRCH, "memory_op: no domain %u", domid);
    *out = d;
    return 0;
}

static long copy_memory_map(struct vcpu *v, uint64_t arg,
                            const struct e820_entry *map, uint32_t nr)
{
    struct xen_memory_map mm;

    if (copy_from_guest(&mm, arg, sizeof(mm)))
        return gerr(v, -EFAULT, "memory_map: %#lx unreadable", arg);
    if (mm.nr_entries < nr)
        nr = mm.nr_entries;
    if (copy_to_guest(mm.buffer, map, nr * sizeof(*map)))
        return gerr(v, -EFAULT, "memory_map: buffer %#lx unwritable",
                    mm.buffer);
    mm.nr_entries = nr;
    if (copy_to_guest(arg, &mm.nr_entries, sizeof(mm.nr_entries)))
        return gerr(v, -EFAULT, "memory_map: %#lx unwritable", arg);
    return 0;
}

/*
 * memory_op(cmd, arg), cmd bits 0-5:
 *   maximum_ram_page          -> one past the highest RAM frame
 *   current/maximum_reservation, maximum_gpfn ({domid}) -> pages / GPFN
 *   memory_map                the domain's pseudo-physical map, if set
 *   machine_memory_map        the host's map (privileged)
 *   machphys_mapping          where the RO M2P is
 *   increase_reservation, decrease_reservation, populate_physmap
 *                             -> extents done (see reservation.c)
 *   -EFAULT bad arg; -EPERM not allowed; -ESRCH no such domain;
 *   -ENOSYS anything else
 */
long hc_memory_op(struct vcpu *v, uint64_t cmd, uint64_t arg, uint64_t a3,
                  uint64_t a4, uint64_t a5)
{
    struct domain *d = NULL;
    long rc;

    switch (cmd & MEMOP_CMD_MASK) {
    case XENMEM_increase_reservation:
    case XENMEM_decrease_reservation:
    case XENMEM_populate_physmap:
        return memory_op_reservation(v, cmd & MEMOP_CMD_MASK,
                                     cmd >> MEMOP_EXTENT_SHIFT, arg);
    case XENMEM_maximum_ram_page:
        return max_mfn;
    case XENMEM_current_reservation:
    case XENMEM_maximum_reservation:
    case XENMEM_maximum_gpfn:
        rc = target_domain(v, arg, &d);
        if (rc)
            return rc;
        if ((cmd & MEMOP_CMD_MASK) == XENMEM_current_reservation)
            return d->nr_pages;
        if ((cmd & MEMOP_CMD_MASK) == XENMEM_maximum_reservation)
            return d->max_pages;
        return d->nr_pages - 1;
    case XENMEM_memory_map:
        /* Only a map the toolstack set; without one, Xen says -ENOSYS too. */
        if (!v->domain->nr_e820)
            return gerr(v, -ENOSYS, "memory_map: none set for this domain");
        return copy_memory_map(v, arg, v->domain->e820, v->domain->nr_e820);
    case XENMEM_machine_memory_map:
        if (!is_privileged(v->domain))
            return gerr(v, -EPERM, "machine_memory_map: not privileged");
        return copy_memory_map(v, arg, host_e820, nr_host_e820);
    case XENMEM_machphys_mapping: {
        struct xen_machphys_mapping m = {
            /* Xen 4.17 reports the highest RAM frame, not the M2P's size. */
            MACH2PHYS_VIRT_START, MACH2PHYS_VIRT_END, max_mfn - 1,
        };

        if (copy_to_guest(arg, &m, sizeof(m)))
            return gerr(v, -EFAULT, "machphys_mapping: %#lx unwritable",
                        arg);
        return 0;
    }
    default:
        return gerr(v, -ENOSYS, "memory_op: cmd %lu not supported",
                    cmd & MEMOP_CMD_MASK);
    }
}
