/* SPDX-License-Identifier: MIT */
/* Small helpers over domctl/sysctl for privileged guest-kit kernels. */
#include <string.h>

#include "gk/control.h"

long gk_domain_create(unsigned int nr_vcpus)
{
    struct xen_domctl op;
    long rc;

    memset(&op, 0, sizeof(op));
    op.cmd = XEN_DOMCTL_createdomain;
    op.u.createdomain.max_vcpus = nr_vcpus;
    op.u.createdomain.max_evtchn_port = 1023;
    op.u.createdomain.max_grant_frames = 4;
    op.u.createdomain.max_maptrack_frames = 4;
    op.u.createdomain.grant_opts = 1;
    rc = gk_domctl(&op);
    return rc ? rc : op.domain;
}

long gk_domain_max_vcpus(unsigned int id, unsigned int nr)
{
    struct xen_domctl op;

    memset(&op, 0, sizeof(op));
    op.cmd = XEN_DOMCTL_max_vcpus;
    op.domain = id;
    op.u.max_vcpus.max = nr;
    return gk_domctl(&op);
}

long gk_domain_destroy(unsigned int id)
{
    struct xen_domctl op;

    memset(&op, 0, sizeof(op));
    op.cmd = XEN_DOMCTL_destroydomain;
    op.domain = id;
    return gk_domctl(&op);
}

long gk_domain_info(unsigned int id, struct xen_domctl_getdomaininfo *info)
{
    struct xen_domctl op;
    long rc;

    memset(&op, 0, sizeof(op));
    op.cmd = XEN_DOMCTL_getdomaininfo;
    op.domain = id;
    rc = gk_domctl(&op);
    if (!rc)
        memcpy(info, &op.u.getdomaininfo, sizeof(*info));
    return rc;
}

long gk_free_pages(void)
{
    struct xen_sysctl op;

    memset(&op, 0, sizeof(op));
    op.cmd = XEN_SYSCTL_physinfo;
    if (gk_sysctl(&op))
        return -1;
    return (long)op.u.physinfo.free_pages;
}
