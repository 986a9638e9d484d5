/* SPDX-License-Identifier: MIT */
/* xen_version (17): what the interface is and which features it offers. */
#include "hypercall/hypercall.h"
#include "hypercall/guest-copy.h"
#include "console/console.h"
#include "domain/domain.h"

#include <abi/features.h>
#include <abi/pv64.h>
#include <abi/start-info.h>
#include <abi/version.h>
#include <abi/vm-assist.h>
#include <hv/errno.h>
#include <string.h>

/* hv implements the PV ABI of Xen 4.17; guests key behaviour off this. */
#define HV_ABI_VERSION  ((4U << 16) | 17U)
#define HV_EXTRAVERSION "-hv"

extern char hv_cmdline[];

/* Copy a NUL-padded string field of exactly size bytes (no stale bytes). */
static long put_string(struct vcpu *v, uint64_t arg, const char *s,
                       size_t size)
{
    char buf[XEN_CAPABILITIES_INFO_LEN];

    memset(buf, 0, size);
    strlcpy(buf, s, size);
    if (copy_to_guest(arg, buf, size))
        return gerr(v, -EFAULT, "xen_version: buffer %#lx unwritable", arg);
    return 0;
}

static uint32_t feature_bits(const struct domain *d)
{
    uint32_t f = (1U << XENFEAT_mmu_pt_update_preserve_ad) |
                 (1U << XENFEAT_highmem_assist) |
                 (1U << XENFEAT_gnttab_map_avail_bits) |
                 (1U << XENFEAT_memory_op_vnode_supported) |
                 (1U << XENFEAT_direct_mapped);

    if (d->vm_assist & (1UL << VMASST_TYPE_pae_extended_cr3))
        f |= 1U << XENFEAT_pae_pgdir_above_4gb;
    if (d == dom0)
        f |= 1U << XENFEAT_dom0;
    return f;
}

/*
 * Sub-ops (reference §4.3); strings are NUL-padded to their full size.
 *   -EFAULT  arg unwritable/unreadable
 *   -EINVAL  get_features with submap_idx != 0
 *   -EPERM   commandline/build_id from an unprivileged domain
 *   -ENODATA build_id: hv has none
 *   -ENOSYS  unknown sub-op
 */
long hc_xen_version(struct vcpu *v, uint64_t cmd, uint64_t arg, uint64_t a3,
                    uint64_t a4, uint64_t a5)
{
    struct domain *d = v->domain;

    switch (cmd) {
    case XENVER_version:
        return HV_ABI_VERSION;
    case XENVER_extraversion:
        return put_string(v, arg, HV_EXTRAVERSION, XEN_EXTRAVERSION_LEN);
    case XENVER_compile_info: {
        struct xen_compile_info ci;

        memset(&ci, 0, sizeof(ci));
        strlcpy(ci.compiler, "gcc", sizeof(ci.compiler));
        strlcpy(ci.compile_by, "hv", sizeof(ci.compile_by));
        strlcpy(ci.compile_domain, "hv", sizeof(ci.compile_domain));
        strlcpy(ci.compile_date, "reproducible", sizeof(ci.compile_date));
        if (copy_to_guest(arg, &ci, sizeof(ci)))
            return gerr(v, -EFAULT, "xen_version: buffer %#lx unwritable",
                        arg);
        return 0;
    }
    case XENVER_capabilities:
        /* The one guest type hv runs, named as start_info's magic names it. */
        return put_string(v, arg, START_INFO_MAGIC, XEN_CAPABILITIES_INFO_LEN);
    case XENVER_changeset:
        return put_string(v, arg, "hv", XEN_CHANGESET_INFO_LEN);
    case XENVER_platform_parameters: {
        struct xen_platform_parameters pp = { HYPERVISOR_VIRT_START };

        if (copy_to_guest(arg, &pp, sizeof(pp)))
            return gerr(v, -EFAULT, "xen_version: buffer %#lx unwritable",
                        arg);
        return 0;
    }
    case XENVER_get_features: {
        struct xen_feature_info fi;

        if (copy_from_guest(&fi, arg, sizeof(fi)))
            return gerr(v, -EFAULT, "xen_version: buffer %#lx unreadable",
                        arg);
        if (fi.submap_idx >= XENFEAT_NR_SUBMAPS)
            return gerr(v, -EINVAL, "get_features: submap %u too big",
                        fi.submap_idx);
        fi.submap = feature_bits(d);
        if (copy_to_guest(arg, &fi, sizeof(fi)))
            return gerr(v, -EFAULT, "xen_version: buffer %#lx unwritable",
                        arg);
        return 0;
    }
    case XENVER_pagesize:
        return 4096;
    case XENVER_guest_handle:
        if (copy_to_guest(arg, d->handle, sizeof(d->handle)))
            return gerr(v, -EFAULT, "xen_version: buffer %#lx unwritable",
                        arg);
        return 0;
    case XENVER_commandline:
        if (!is_privileged(d))
            return gerr(v, -EPERM, "xen_version: commandline is privileged");
        return put_string(v, arg, hv_cmdline, XEN_COMMANDLINE_LEN);
    case XENVER_build_id:
        if (!is_privileged(d))
            return gerr(v, -EPERM, "xen_version: build_id is privileged");
        return -XEN_ENODATA;
    default:
        return gerr(v, -ENOSYS, "xen_version: unknown cmd %lu", cmd);
    }
}
