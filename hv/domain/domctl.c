/* SPDX-License-Identifier: MIT */
/*
 * domctl (36): the privileged domain creates, inspects, pauses and
 * destroys other domains. The interface version is checked before the
 * caller's privilege, as Xen does, so tools can probe it.
 */
#include "hypercall/guest-copy.h"
#include "hypercall/hypercall.h"
#include "console/console.h"
#include "domain/domain.h"
#include "domain/domain-info.h"
#include "domain/vcpu-context.h"
#include "mm/frame.h"
#include "event/event.h"
#include "time/vcpu-time.h"
#include "sched/sched.h"

#include <abi/domctl.h>
#include <abi/memory.h>
#include <hv/errno.h>
#include <string.h>

/* Frames a domU's event-channel ports may reach unless told otherwise. */
#define DEFAULT_MAX_EVTCHN_PORT 1023

static long create_domain(struct vcpu *v, struct xen_domctl *op)
{
    struct xen_domctl_createdomain *c = &op->u.createdomain;
    struct domain *d;
    domid_t id = op->domain;

    if (c->flags & (XEN_DOMCTL_CDF_hvm | XEN_DOMCTL_CDF_hap))
        return gerr(v, -EINVAL, "createdomain: hv runs PV guests only");
    if (c->flags & ~(XEN_DOMCTL_CDF_MAX * 2 - 1))
        return gerr(v, -EINVAL, "createdomain: unknown flags %#x", c->flags);
    if (!c->max_vcpus || c->max_vcpus > MAX_VIRT_CPUS)
        return gerr(v, -EINVAL, "createdomain: %u vCPUs (1..%u)",
                    c->max_vcpus, MAX_VIRT_CPUS);
    if (id >= DOMID_FIRST_RESERVED)
        return gerr(v, -EINVAL, "createdomain: domid %u is reserved", id);
    if (id == 0) {
        for (id = 1; id < MAX_DOMAINS && domain_table[id]; id++)
            ;
        if (id == MAX_DOMAINS)
            return gerr(v, -ENOMEM, "createdomain: all %u domains in use",
                        MAX_DOMAINS);
    } else if (id >= MAX_DOMAINS) {
        return gerr(v, -EINVAL, "createdomain: domid %u beyond %u", id,
                    MAX_DOMAINS - 1);
    } else if (domain_table[id]) {
        return gerr(v, -EEXIST, "createdomain: d%u exists", id);
    }

    d = domain_create(id, 0, c->max_vcpus);
    if (!d)
        return gerr(v, -ENOMEM, "createdomain: out of memory");
    memcpy(d->handle, c->handle, sizeof(d->handle));
    evtchn_set_max_port(d, c->max_evtchn_port ? c->max_evtchn_port
                                              : DEFAULT_MAX_EVTCHN_PORT);
    /* New domains wait for the toolstack to build and unpause them. */
    d->pause_count = 1;
    op->domain = id;
    printk("d%u: created by d%u with %u vCPU(s)", id, v->domain->domain_id,
           c->max_vcpus);
    return 0;
}

/* XEN_DOMCTL_set/getvcpucontext: the context travels through a guest buffer. */
static long vcpu_context(struct vcpu *v, struct domain *d,
                         struct xen_domctl_vcpucontext *op, bool set)
{
    struct vcpu_guest_context *c;
    size_t pages = (sizeof(*c) + 4095) / 4096;
    long rc;

    if (op->vcpu >= d->nr_vcpus)
        return gerr(v, -EINVAL, "vcpucontext: d%u has no vCPU %u",
                    d->domain_id, op->vcpu);
    if (!op->ctxt)
        return gerr(v, -EINVAL, "vcpucontext: no context (resetting a "
                    "vCPU is not supported)");
    c = hv_alloc_pages(pages);
    if (!c)
        return gerr(v, -ENOMEM, "vcpucontext: out of memory");
    if (set) {
        rc = copy_from_guest(c, op->ctxt, sizeof(*c));
        if (rc)
            rc = gerr(v, -EFAULT, "setvcpucontext: %#lx unreadable",
                      op->ctxt);
        else
            rc = vcpu_set_context(v, d->vcpu[op->vcpu], c);
    } else if (!d->vcpu[op->vcpu]->has_context) {
        rc = gerr(v, -XEN_ENODATA, "getvcpucontext: d%uv%u has no context "
                  "yet", d->domain_id, op->vcpu);
    } else {
        vcpu_get_context(d->vcpu[op->vcpu], c);
        rc = copy_to_guest(op->ctxt, c, sizeof(*c));
        if (rc)
            rc = gerr(v, -EFAULT, "getvcpucontext: %#lx unwritable",
                      op->ctxt);
    }
    hv_free_pages(c, pages);
    return rc;
}

/*
 * XEN_DOMCTL_scheduler_op: the domain's weight, in the credit2 form
 * (credit's is the same layout). Caps are not enforced, so a non-zero cap
 * is refused rather than ignored.
 */
static long scheduler_op(struct vcpu *v, struct domain *d,
                         struct xen_domctl_scheduler_op *op, bool *copy_back)
{
    if (op->sched_id != SCHED_ID)
        return gerr(v, -EINVAL, "scheduler_op: scheduler %u, hv runs %u",
                    op->sched_id, SCHED_ID);
    switch (op->cmd) {
    case XEN_DOMCTL_SCHEDOP_getinfo:
        op->u.credit2.weight = d->sched_weight ? d->sched_weight
                                               : SCHED_DEFAULT_WEIGHT;
        op->u.credit2.cap = 0;
        *copy_back = true;
        return 0;
    case XEN_DOMCTL_SCHEDOP_putinfo:
        if (op->u.credit2.cap)
            return gerr(v, -EOPNOTSUPP, "scheduler_op: caps are not "
                        "supported");
        /* Weight 0 leaves it as it is, as Xen does. */
        if (op->u.credit2.weight)
            d->sched_weight = op->u.credit2.weight;
        return 0;
    default:
        return gerr(v, -EINVAL, "scheduler_op: per-vCPU or unknown cmd %u",
                    op->cmd);
    }
}

/* Commands that act on an existing domain other than the caller's. */
static long on_domain(struct vcpu *v, struct xen_domctl *op, bool *copy_back)
{
    struct domain *d = domain_lookup(op->domain);

    if (!d)
        return gerr(v, -ESRCH, "domctl: no domain %u", op->domain);

    switch (op->cmd) {
    case XEN_DOMCTL_getdomaininfo:
        domain_get_info(d, &op->u.getdomaininfo);
        *copy_back = true;
        return 0;
    case XEN_DOMCTL_max_mem:
        d->max_pages = op->u.max_mem.max_memkb >> 2;
        return 0;
    case XEN_DOMCTL_max_vcpus:
        /*
         * hv allocates vCPUs at creation; like Xen 4.17 it shows them
         * (max_vcpu_id) only once the toolstack confirms the count here.
         */
        if (op->u.max_vcpus.max != d->nr_vcpus)
            return gerr(v, -EINVAL, "max_vcpus: %u, created with %u",
                        op->u.max_vcpus.max, d->nr_vcpus);
        d->vcpus_confirmed = true;
        return 0;
    case XEN_DOMCTL_setdomainhandle:
        memcpy(d->handle, op->u.setdomainhandle.handle, sizeof(d->handle));
        return 0;
    case XEN_DOMCTL_settimeoffset:
        d->time_offset = op->u.settimeoffset.time_offset_seconds;
        wallclock_publish(d);
        return 0;
    case XEN_DOMCTL_shadow_op:
        return gerr(v, -EOPNOTSUPP, "shadow_op: PV domains have no shadow "
                    "or paging mode here");
    case XEN_DOMCTL_scheduler_op:
        return scheduler_op(v, d, &op->u.scheduler_op, copy_back);
    }

    if (d == v->domain)
        return gerr(v, -EINVAL, "domctl %u: not on the caller's own domain",
                    op->cmd);
    switch (op->cmd) {
    case XEN_DOMCTL_setvcpucontext:
        return vcpu_context(v, d, &op->u.vcpucontext, true);
    case XEN_DOMCTL_getvcpucontext:
        return vcpu_context(v, d, &op->u.vcpucontext, false);
    case XEN_DOMCTL_pausedomain:
        domain_pause(d);
        return 0;
    case XEN_DOMCTL_unpausedomain:
        if (domain_unpause(d))
            return gerr(v, -EINVAL, "unpausedomain: d%u is not paused",
                        d->domain_id);
        return 0;
    case XEN_DOMCTL_destroydomain:
        domain_destroy(d);
        return 0;
    default:
        return gerr(v, -ENOSYS, "domctl: command %u not supported", op->cmd);
    }
}

/*
 * domctl(op):
 *   -EFAULT  op unreadable or unwritable
 *   -EACCES  interface_version is not 0x15 (checked first)
 *   -EPERM   the caller is not privileged
 *   -ESRCH   no such domain
 *   -EINVAL  bad arguments, or pausing/destroying/setting the context of
 *            the caller itself
 *   -EEXIST  createdomain with a domid in use
 *   -ENOMEM  no domid or memory left
 *   -ENODATA getvcpucontext of a vCPU never given a context
 *   -EOPNOTSUPP shadow_op, a scheduler cap
 *   -ENOSYS  other commands
 */
long hc_domctl(struct vcpu *v, uint64_t arg, uint64_t a2, uint64_t a3,
               uint64_t a4, uint64_t a5)
{
    struct xen_domctl op;
    bool copy_back = false;
    long rc;

    if (copy_from_guest(&op, arg, sizeof(op)))
        return gerr(v, -EFAULT, "domctl: %#lx unreadable", arg);
    if (op.interface_version != XEN_DOMCTL_INTERFACE_VERSION)
        return gerr(v, -EACCES, "domctl: interface version %#x, want %#x",
                    op.interface_version, XEN_DOMCTL_INTERFACE_VERSION);
    if (!is_privileged(v->domain))
        return gerr(v, -EPERM, "domctl: not privileged");

    if (op.cmd == XEN_DOMCTL_createdomain) {
        rc = create_domain(v, &op);
        copy_back = !rc;
    } else {
        rc = on_domain(v, &op, &copy_back);
    }
    if (copy_back && copy_to_guest(arg, &op, sizeof(op)))
        return gerr(v, -EFAULT, "domctl: %#lx unwritable", arg);
    return rc;
}
