/* SPDX-License-Identifier: MIT */
/* The getdomaininfo record both domctl and sysctl hand out. */
#ifndef HV_DOMAIN_DOMAIN_INFO_H
#define HV_DOMAIN_DOMAIN_INFO_H

#include <abi/domctl.h>

struct domain;

void domain_get_info(const struct domain *d,
                     struct xen_domctl_getdomaininfo *info);

#endif
