/* SPDX-License-Identifier: MIT */
/* sysctl (35): the machine as the privileged domain's tools see it. */
#include "hypercall/guest-copy.h"
#include "hypercall/hypercall.h"
#include "arch/x86/cpu.h"
#include "console/console.h"
#include "domain/domain.h"
#include "domain/domain-info.h"
#include "mm/frame.h"
#include "time/time.h"
#include "sched/sched.h"

#include <abi/sysctl.h>
#include <hv/errno.h>
#include <string.h>

static void physinfo(struct xen_sysctl_physinfo *pi)
{
    uint32_t a, b, c, d;

    memset(pi, 0, sizeof(*pi));
    pi->threads_per_core = 1;
    pi->cores_per_socket = 1;
    pi->nr_cpus = 1;
    pi->nr_nodes = 1;
    pi->cpu_khz = (uint32_t)(tsc_hz() / 1000);
    pi->capabilities = XEN_SYSCTL_PHYSCAP_pv;
    pi->total_pages = frame_nr_ram();
    pi->free_pages = frame_nr_free();
    pi->max_mfn = max_mfn - 1;
    cpuid_count(1, 0, &a, &b, &c, &d);
    pi->hw_cap[0] = d;
    pi->hw_cap[1] = c;
}

static long domaininfolist(struct vcpu *v, struct xen_sysctl_getdomaininfolist *l)
{
    uint32_t n = 0;

    for (unsigned int id = l->first_domain; id < MAX_DOMAINS &&
                                            n < l->max_domains; id++) {
        struct xen_domctl_getdomaininfo info;

        if (!domain_table[id])
            continue;
        domain_get_info(domain_table[id], &info);
        if (copy_to_guest_idx(l->buffer, n, &info, sizeof(info)))
            return gerr(v, -EFAULT, "getdomaininfolist: buffer unwritable");
        n++;
    }
    l->num_domains = n;
    return 0;
}

static long readconsole(struct vcpu *v, struct xen_sysctl_readconsole *rc)
{
    char chunk[256];
    size_t pos = rc->incremental ? rc->index : 0, done = 0;

    while (done < rc->count) {
        size_t want = rc->count - done, got;

        if (want > sizeof(chunk))
            want = sizeof(chunk);
        got = console_ring_read(chunk, want, &pos);
        if (!got)
            break;
        if (copy_to_guest(rc->buffer + done, chunk, got))
            return gerr(v, -EFAULT, "readconsole: buffer unwritable");
        done += got;
    }
    rc->count = (uint32_t)done;
    rc->index = (uint32_t)pos;
    return 0;
}

/*
 * sysctl(op): readconsole, physinfo, sched_id, getdomaininfolist.
 *   -EFAULT  op or a buffer unreadable/unwritable
 *   -EACCES  interface_version is not 0x15 (checked first)
 *   -EPERM   the caller is not privileged
 *   -ENOSYS  other commands
 */
long hc_sysctl(struct vcpu *v, uint64_t arg, uint64_t a2, uint64_t a3,
               uint64_t a4, uint64_t a5)
{
    struct xen_sysctl op;
    long rc;

    if (copy_from_guest(&op, arg, sizeof(op)))
        return gerr(v, -EFAULT, "sysctl: %#lx unreadable", arg);
    if (op.interface_version != XEN_SYSCTL_INTERFACE_VERSION)
        return gerr(v, -EACCES, "sysctl: interface version %#x, want %#x",
                    op.interface_version, XEN_SYSCTL_INTERFACE_VERSION);
    if (!is_privileged(v->domain))
        return gerr(v, -EPERM, "sysctl: not privileged");

    switch (op.cmd) {
    case XEN_SYSCTL_physinfo:
        physinfo(&op.u.physinfo);
        rc = 0;
        break;
    case XEN_SYSCTL_sched_id:
        op.u.sched_id.sched_id = SCHED_ID;
        rc = 0;
        break;
    case XEN_SYSCTL_getdomaininfolist:
        rc = domaininfolist(v, &op.u.getdomaininfolist);
        break;
    case XEN_SYSCTL_readconsole:
        rc = readconsole(v, &op.u.readconsole);
        break;
    default:
        return gerr(v, -ENOSYS, "sysctl: command %u not supported", op.cmd);
    }
    if (!rc && copy_to_guest(arg, &op, sizeof(op)))
        return gerr(v, -EFAULT, "sysctl: %#lx unwritable", arg);
    return rc;
}
