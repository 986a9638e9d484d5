/* SPDX-License-Identifier: MIT */
/*
 * domctl and sysctl for a privileged guest-kit kernel: fill in the
 * interface version, issue the hypercall.
 */
#ifndef GK_CONTROL_H
#define GK_CONTROL_H

#include "abi/domctl.h"
#include "abi/hypercall.h"
#include "abi/sysctl.h"
#include "gk/hypercall.h"

static inline long gk_domctl(struct xen_domctl *op)
{
    op->interface_version = XEN_DOMCTL_INTERFACE_VERSION;
    return gk_hypercall5(__HYPERVISOR_domctl, (unsigned long)op, 0, 0, 0, 0);
}

static inline long gk_sysctl(struct xen_sysctl *op)
{
    op->interface_version = XEN_SYSCTL_INTERFACE_VERSION;
    return gk_hypercall5(__HYPERVISOR_sysctl, (unsigned long)op, 0, 0, 0, 0);
}

/* Create a PV domain with nr_vcpus; returns its id or a negative errno. */
long gk_domain_create(unsigned int nr_vcpus);
/* Confirm the vCPU count (XEN_DOMCTL_max_vcpus); 0 or a negative errno. */
long gk_domain_max_vcpus(unsigned int id, unsigned int nr);
/* Destroy domain id; 0 or a negative errno. */
long gk_domain_destroy(unsigned int id);
/* Fill info for domain id; 0 or a negative errno. */
long gk_domain_info(unsigned int id, struct xen_domctl_getdomaininfo *info);
/* Free frames of the machine, from XEN_SYSCTL_physinfo (-1 on error). */
long gk_free_pages(void);

#endif
