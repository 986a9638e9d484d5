/* SPDX-License-Identifier: MIT */
/*
 * domctl (hypercall 36): the privileged domain's control of other domains.
 * Only the commands hv implements are described; the interface version is
 * Xen 4.17's, which the toolstacks built against it send.
 */
#ifndef HV_ABI_DOMCTL_H
#define HV_ABI_DOMCTL_H

#include <stdint.h>

#define XEN_DOMCTL_INTERFACE_VERSION 0x00000015

#define XEN_DOMCTL_createdomain      1
#define XEN_DOMCTL_destroydomain     2
#define XEN_DOMCTL_pausedomain       3
#define XEN_DOMCTL_unpausedomain     4
#define XEN_DOMCTL_getdomaininfo     5
#define XEN_DOMCTL_shadow_op        10
#define XEN_DOMCTL_max_mem          11
#define XEN_DOMCTL_setvcpucontext   12
#define XEN_DOMCTL_getvcpucontext   13
#define XEN_DOMCTL_max_vcpus        15
#define XEN_DOMCTL_scheduler_op     16
#define XEN_DOMCTL_setdomainhandle  17
#define XEN_DOMCTL_settimeoffset    24

/* createdomain flags. */
#define XEN_DOMCTL_CDF_hvm          (1U << 0)
#define XEN_DOMCTL_CDF_hap          (1U << 1)
#define XEN_DOMCTL_CDF_s3_integrity (1U << 2)
#define XEN_DOMCTL_CDF_oos_off      (1U << 3)
#define XEN_DOMCTL_CDF_xs_domain    (1U << 4)
#define XEN_DOMCTL_CDF_iommu        (1U << 5)
#define XEN_DOMCTL_CDF_nested_virt  (1U << 6)
#define XEN_DOMCTL_CDF_vpmu         (1U << 7)
#define XEN_DOMCTL_CDF_MAX          XEN_DOMCTL_CDF_vpmu

struct xen_arch_domainconfig {
    uint32_t emulation_flags;  /* IN: emulated devices (none for PV) */
    uint32_t misc_flags;       /* IN */
};

struct xen_domctl_createdomain {
    uint32_t ssidref;          /* IN: security label (unused by hv) */
    uint8_t handle[16];        /* IN: the toolstack's UUID */
    uint32_t flags;            /* IN: XEN_DOMCTL_CDF_* */
    uint32_t iommu_opts;       /* IN */
    uint32_t max_vcpus;        /* IN: 1..32 */
    uint32_t max_evtchn_port;  /* IN: highest usable event-channel port */
    int32_t max_grant_frames;  /* IN: -1 = default */
    int32_t max_maptrack_frames; /* IN: -1 = default */
    uint32_t grant_opts;       /* IN: low 4 bits = highest grant version */
    uint32_t vmtrace_size;     /* IN */
    uint32_t cpupool_id;       /* IN */
    struct xen_arch_domainconfig arch;
};

/* getdomaininfo flags; the shutdown reason sits in bits 16-23. */
#define XEN_DOMINF_dying         (1U << 0)
#define XEN_DOMINF_hvm_guest     (1U << 1)
#define XEN_DOMINF_shutdown      (1U << 2)
#define XEN_DOMINF_paused        (1U << 3)
#define XEN_DOMINF_blocked       (1U << 4)
#define XEN_DOMINF_running       (1U << 5)
#define XEN_DOMINF_debugged      (1U << 6)
#define XEN_DOMINF_xs_domain     (1U << 7)
#define XEN_DOMINF_hap           (1U << 8)
#define XEN_DOMINF_shutdownmask  255
#define XEN_DOMINF_shutdownshift 16
#define XEN_INVALID_MAX_VCPU_ID  (~0U)

struct xen_domctl_getdomaininfo {
    uint16_t domain;           /* OUT: also echoed in domctl.domain */
    uint16_t pad1;
    uint32_t flags;            /* OUT: XEN_DOMINF_* */
    uint64_t tot_pages;        /* OUT */
    uint64_t max_pages;        /* OUT */
    uint64_t outstanding_pages;
    uint64_t shr_pages;
    uint64_t paged_pages;
    uint64_t shared_info_frame; /* OUT: MFN of its shared_info */
    uint64_t cpu_time;         /* OUT: ns all vCPUs have run */
    uint32_t nr_online_vcpus;  /* OUT */
    uint32_t max_vcpu_id;      /* OUT */
    uint32_t ssidref;
    uint8_t handle[16];        /* OUT */
    uint32_t cpupool;
    uint8_t gpaddr_bits;
    uint8_t pad2[7];
    struct xen_arch_domainconfig arch_config;
};

struct xen_domctl_max_mem {
    uint64_t max_memkb;        /* IN */
};

struct xen_domctl_max_vcpus {
    uint32_t max;              /* IN: must equal createdomain's max_vcpus */
};

struct xen_domctl_setdomainhandle {
    uint8_t handle[16];        /* IN */
};

struct xen_domctl_settimeoffset {
    int64_t time_offset_seconds; /* IN: added to the domain's wall clock */
};

/* Schedulers a toolstack may find (sysctl sched_id) and their commands. */
#define XEN_SCHEDULER_CREDIT        5
#define XEN_SCHEDULER_CREDIT2       6
#define XEN_SCHEDULER_ARINC653      7
#define XEN_SCHEDULER_RTDS          8
#define XEN_SCHEDULER_NULL          9

#define XEN_DOMCTL_SCHEDOP_putinfo     0
#define XEN_DOMCTL_SCHEDOP_getinfo     1
#define XEN_DOMCTL_SCHEDOP_putvcpuinfo 2
#define XEN_DOMCTL_SCHEDOP_getvcpuinfo 3

struct xen_domctl_sched_credit {
    uint16_t weight;           /* IN/OUT: relative share, 1-65535 */
    uint16_t cap;              /* IN/OUT: % of a CPU at most, 0 = none */
};

struct xen_domctl_sched_credit2 {
    uint16_t weight;           /* IN/OUT: relative share, 1-65535 */
    uint16_t cap;              /* IN/OUT: % of a CPU at most, 0 = none */
};

struct xen_domctl_scheduler_op {
    uint32_t sched_id;         /* IN: must name the running scheduler */
    uint32_t cmd;              /* IN: XEN_DOMCTL_SCHEDOP_* */
    union {
        struct xen_domctl_sched_credit credit;
        struct xen_domctl_sched_credit2 credit2;
        struct {
            uint64_t vcpus;    /* per-vCPU forms: guest pointer */
            uint32_t nr_vcpus;
            uint32_t padding;
        } v;
    } u;
};

struct xen_domctl_vcpucontext {
    uint32_t vcpu;             /* IN */
    uint64_t ctxt;             /* IN/OUT: guest pointer to a
                                  struct vcpu_guest_context */
};

struct xen_domctl {
    uint32_t cmd;              /* IN: XEN_DOMCTL_* */
    uint32_t interface_version; /* IN: XEN_DOMCTL_INTERFACE_VERSION */
    uint16_t domain;           /* IN/OUT: target (createdomain: wanted id,
                                  0 = any; OUT the new id) */
    uint16_t _pad[3];
    union {
        struct xen_domctl_createdomain createdomain;
        struct xen_domctl_getdomaininfo getdomaininfo;
        struct xen_domctl_max_mem max_mem;
        struct xen_domctl_max_vcpus max_vcpus;
        struct xen_domctl_vcpucontext vcpucontext;
        struct xen_domctl_scheduler_op scheduler_op;
        struct xen_domctl_setdomainhandle setdomainhandle;
        struct xen_domctl_settimeoffset settimeoffset;
        uint8_t pad[128];
    } u;
};

#endif
