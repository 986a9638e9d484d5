/* SPDX-License-Identifier: MIT */
/* xen_version (hypercall 17): sub-ops and the buffers they fill. */
#ifndef HV_ABI_VERSION_H
#define HV_ABI_VERSION_H

#include <stdint.h>

#define XENVER_version             0   /* returns (major << 16) | minor */
#define XENVER_extraversion        1   /* char[16] */
#define XENVER_compile_info        2   /* struct xen_compile_info */
#define XENVER_capabilities        3   /* char[1024] */
#define XENVER_changeset           4   /* char[64] */
#define XENVER_platform_parameters 5   /* struct xen_platform_parameters */
#define XENVER_get_features        6   /* struct xen_feature_info */
#define XENVER_pagesize            7   /* returns the page size */
#define XENVER_guest_handle        8   /* uint8_t[16], the domain handle */
#define XENVER_commandline         9   /* char[1024], privileged */
#define XENVER_build_id           10   /* struct xen_build_id, privileged */

#define XEN_EXTRAVERSION_LEN       16
#define XEN_CAPABILITIES_INFO_LEN  1024
#define XEN_CHANGESET_INFO_LEN     64
#define XEN_COMMANDLINE_LEN        1024

struct xen_compile_info {
    char compiler[64];
    char compile_by[16];
    char compile_domain[32];
    char compile_date[32];
};

struct xen_platform_parameters {
    uint64_t virt_start;       /* OUT: lowest hypervisor-reserved VA */
};

struct xen_feature_info {
    uint32_t submap_idx;       /* IN: which 32-bit word of features */
    uint32_t submap;           /* OUT: XENFEAT_* bits of that word */
};

struct xen_build_id {
    uint32_t len;              /* IN: buffer size; OUT: id size */
    unsigned char buf[];
};

#endif
