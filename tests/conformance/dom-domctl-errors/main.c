/* SPDX-License-Identifier: MIT */
/*
 * Pins the error paths of domctl (36) and sysctl (35) for dom0: a wrong
 * interface version is -EACCES (checked before anything else); an
 * unreadable argument is -EFAULT; an unknown command is -ENOSYS (domctl
 * 255) or -ENOSYS (sysctl 255); getdomaininfo/pause/unpause/destroy of a
 * domain that does not exist is -ESRCH; createdomain with 0 vCPUs or the
 * HVM flag on a machine without HVM is -EINVAL; unpausing a domain that
 * is not paused is -EINVAL; max_mem and max_vcpus work on a fresh domain.
 */
#include <string.h>

#include "abi/errno.h"
#include "gk/bad.h"
#include "gk/control.h"
#include "gk/test.h"

GK_TEST_INFO("dom-domctl-errors", "domctl and sysctl error paths");

static long domctl_cmd(uint32_t cmd, uint16_t dom)
{
    struct xen_domctl op;

    memset(&op, 0, sizeof(op));
    op.cmd = cmd;
    op.domain = dom;
    return gk_domctl(&op);
}

int main(void)
{
    struct xen_domctl op;
    struct xen_sysctl sop;
    long id;

    memset(&op, 0, sizeof(op));
    op.cmd = XEN_DOMCTL_getdomaininfo;
    op.interface_version = 0x12;
    check_rc(gk_hypercall5(__HYPERVISOR_domctl, (unsigned long)&op, 0, 0, 0,
                           0), -XEN_EACCES, "domctl with version 0x12");
    memset(&sop, 0, sizeof(sop));
    sop.cmd = XEN_SYSCTL_physinfo;
    sop.interface_version = 0x99;
    check_rc(gk_hypercall5(__HYPERVISOR_sysctl, (unsigned long)&sop, 0, 0, 0,
                           0), -XEN_EACCES, "sysctl with version 0x99");
    check_rc(gk_hypercall5(__HYPERVISOR_domctl, GK_BAD_UNMAPPED, 0, 0, 0, 0),
             -XEN_EFAULT, "domctl from an unmapped argument");
    check_rc(gk_hypercall5(__HYPERVISOR_sysctl, GK_BAD_UNMAPPED, 0, 0, 0, 0),
             -XEN_EFAULT, "sysctl from an unmapped argument");

    check_rc(domctl_cmd(XEN_DOMCTL_getdomaininfo, 1000), -XEN_ESRCH,
             "getdomaininfo of domain 1000");
    check_rc(domctl_cmd(XEN_DOMCTL_pausedomain, 1000), -XEN_ESRCH,
             "pausedomain of domain 1000");
    check_rc(domctl_cmd(XEN_DOMCTL_destroydomain, 1000), -XEN_ESRCH,
             "destroydomain of domain 1000");

    memset(&op, 0, sizeof(op));
    op.cmd = XEN_DOMCTL_createdomain;
    op.u.createdomain.max_vcpus = 0;
    op.u.createdomain.max_evtchn_port = 1023;
    op.u.createdomain.grant_opts = 1;
    check_rc(gk_domctl(&op), -XEN_EINVAL, "createdomain with 0 vCPUs");

    id = gk_domain_create(1);
    check(id > 0, "createdomain: %ld", id);
    if (id > 0) {
        memset(&op, 0, sizeof(op));
        op.cmd = XEN_DOMCTL_max_mem;
        op.domain = id;
        op.u.max_mem.max_memkb = 65536;
        check_rc(gk_domctl(&op), 0, "max_mem 64 MiB");
        memset(&op, 0, sizeof(op));
        op.cmd = XEN_DOMCTL_getdomaininfo;
        op.domain = id;
        check_rc(gk_domctl(&op), 0, "getdomaininfo");
        check_eq(op.u.getdomaininfo.max_pages, 16384, "max_pages");
        check_rc(domctl_cmd(XEN_DOMCTL_unpausedomain, id), 0,
                 "unpause a new domain");
        check_rc(domctl_cmd(XEN_DOMCTL_unpausedomain, id), -XEN_EINVAL,
                 "unpause a running domain");
        check_rc(domctl_cmd(XEN_DOMCTL_pausedomain, id), 0, "pause it");
        check_rc(gk_domain_destroy(id), 0, "destroy it");
    }
    return 0;
}
