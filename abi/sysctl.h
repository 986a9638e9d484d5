/* SPDX-License-Identifier: MIT */
/* sysctl (hypercall 35): the privileged domain's view of the machine. */
#ifndef HV_ABI_SYSCTL_H
#define HV_ABI_SYSCTL_H

#include <stdint.h>

#include "domctl.h"

#define XEN_SYSCTL_INTERFACE_VERSION 0x00000015

#define XEN_SYSCTL_readconsole        1
#define XEN_SYSCTL_physinfo           3
#define XEN_SYSCTL_sched_id           4
#define XEN_SYSCTL_getdomaininfolist  6

struct xen_sysctl_readconsole {
    uint8_t clear;             /* IN: empty the ring after reading */
    uint8_t incremental;       /* IN: continue from index */
    uint8_t pad0, pad1;
    uint32_t index;            /* IN/OUT: where to read from / next */
    uint64_t buffer;           /* IN: guest pointer to char[] */
    uint32_t count;            /* IN: room; OUT: bytes read */
};

#define XEN_SYSCTL_PHYSCAP_hvm       (1U << 0)
#define XEN_SYSCTL_PHYSCAP_pv        (1U << 1)
#define XEN_SYSCTL_PHYSCAP_directio  (1U << 2)
#define XEN_SYSCTL_PHYSCAP_hap       (1U << 3)
#define XEN_SYSCTL_PHYSCAP_shadow    (1U << 4)

struct xen_sysctl_physinfo {
    uint32_t threads_per_core;
    uint32_t cores_per_socket;
    uint32_t nr_cpus;          /* OUT: CPUs online */
    uint32_t max_cpu_id;
    uint32_t nr_nodes;
    uint32_t max_node_id;
    uint32_t cpu_khz;
    uint32_t capabilities;     /* OUT: XEN_SYSCTL_PHYSCAP_* */
    uint32_t arch_capabilities;
    uint32_t pad;
    uint64_t total_pages;      /* OUT: RAM frames */
    uint64_t free_pages;       /* OUT: frames not in use */
    uint64_t scrub_pages;
    uint64_t outstanding_pages;
    uint64_t max_mfn;          /* OUT: highest possible MFN */
    uint32_t hw_cap[8];        /* OUT: CPUID feature words */
};

struct xen_sysctl_sched_id {
    uint32_t sched_id;         /* OUT: XEN_SCHEDULER_* */
};

struct xen_sysctl_getdomaininfolist {
    uint16_t first_domain;     /* IN */
    uint32_t max_domains;      /* IN */
    uint64_t buffer;           /* IN: guest xen_domctl_getdomaininfo[] */
    uint32_t num_domains;      /* OUT */
};

struct xen_sysctl {
    uint32_t cmd;              /* IN: XEN_SYSCTL_* */
    uint32_t interface_version; /* IN: XEN_SYSCTL_INTERFACE_VERSION */
    union {
        struct xen_sysctl_readconsole readconsole;
        struct xen_sysctl_physinfo physinfo;
        struct xen_sysctl_sched_id sched_id;
        struct xen_sysctl_getdomaininfolist getdomaininfolist;
        uint8_t pad[128];
    } u;
};

#endif
