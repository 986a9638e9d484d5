/* SPDX-License-Identifier: MIT */
/*
 * Pins the xen_version sub-ops a PV kernel uses at boot: version
 * (major << 16 | minor, matching CPUID leaf 0x40000001), extraversion
 * (NUL-terminated within 16 bytes), capabilities (contains
 * "xen-3.0-x86_64"), platform_parameters (virt_start
 * 0xFFFF800000000000), get_features (submap 0 for dom0 has
 * XENFEAT_dom0; other indexes -EINVAL), pagesize (4096, no buffer),
 * guest_handle (16 bytes, all zero for dom0); bad buffers -EFAULT; an
 * unknown sub-op -ENOSYS.
 */
#include <string.h>

#include "abi/errno.h"
#include "abi/features.h"
#include "abi/pv64.h"
#include "abi/version.h"
#include "gk/bad.h"
#include "gk/cpuid.h"
#include "gk/hypercall.h"
#include "gk/test.h"

GK_TEST_INFO("hcall-xen-version", "xen_version sub-ops and their errors");

static bool contains(const char *hay, const char *needle)
{
    size_t n = strlen(needle);

    for (; *hay; hay++) {
        if (strncmp(hay, needle, n) == 0)
            return true;
    }
    return false;
}

int main(void)
{
    char extra[XEN_EXTRAVERSION_LEN];
    char caps[XEN_CAPABILITIES_INFO_LEN];
    struct xen_platform_parameters pp = { 0 };
    struct xen_feature_info fi = { 0 };
    uint8_t handle[16];
    struct gk_cpuid id;
    long ver;

    ver = HYPERVISOR_xen_version(XENVER_version, NULL);
    gk_printf("version %ld.%ld\n", ver >> 16, ver & 0xFFFF);
    check(ver >= 0x30000, "version %#lx below 3.0", ver);
    id = gk_cpuid_pv(0x40000001, 0);
    check_eq(id.a, ver, "CPUID 0x40000001 eax vs XENVER_version");

    memset(extra, 0x55, sizeof(extra));
    check_rc(HYPERVISOR_xen_version(XENVER_extraversion, extra), 0,
             "extraversion");
    check(strnlen(extra, sizeof(extra)) < sizeof(extra),
          "extraversion not NUL-terminated");
    gk_printf("extraversion \"%.16s\"\n", extra);

    memset(caps, 0, sizeof(caps));
    check_rc(HYPERVISOR_xen_version(XENVER_capabilities, caps), 0,
             "capabilities");
    caps[sizeof(caps) - 1] = 0;
    gk_printf("capabilities \"%s\"\n", caps);
    check(contains(caps, "xen-3.0-x86_64"),
          "capabilities \"%s\" lack xen-3.0-x86_64", caps);

    check_rc(HYPERVISOR_xen_version(XENVER_platform_parameters, &pp), 0,
             "platform_parameters");
    check_eq(pp.virt_start, HYPERVISOR_VIRT_START, "virt_start");

    fi.submap_idx = 0;
    check_rc(HYPERVISOR_xen_version(XENVER_get_features, &fi), 0,
             "get_features 0");
    gk_printf("features[0] %#x\n", fi.submap);
    check(fi.submap & (1U << XENFEAT_dom0), "features[0] %#x lack dom0",
          fi.submap);
    check(!(fi.submap & (1U << XENFEAT_auto_translated_physmap)),
          "features[0] %#x claim auto_translated_physmap", fi.submap);
    fi.submap_idx = 1;
    check_rc(HYPERVISOR_xen_version(XENVER_get_features, &fi), -XEN_EINVAL,
             "get_features 1");
    fi.submap_idx = 0xFFFFFFFF;
    check_rc(HYPERVISOR_xen_version(XENVER_get_features, &fi), -XEN_EINVAL,
             "get_features 0xffffffff");

    check_rc(HYPERVISOR_xen_version(XENVER_pagesize, NULL), 4096,
             "pagesize");

    memset(handle, 0x55, sizeof(handle));
    check_rc(HYPERVISOR_xen_version(XENVER_guest_handle, handle), 0,
             "guest_handle");
    for (unsigned int i = 0; i < sizeof(handle); i++)
        check_eq(handle[i], 0, "dom0 guest_handle byte");

    check_rc(HYPERVISOR_xen_version(XENVER_extraversion,
                                    (void *)GK_BAD_UNMAPPED),
             -XEN_EFAULT, "extraversion to an unmapped buffer");
    check_rc(HYPERVISOR_xen_version(XENVER_capabilities,
                                    (void *)GK_BAD_HYPERVISOR),
             -XEN_EFAULT, "capabilities to hypervisor memory");
    check_rc(HYPERVISOR_xen_version(XENVER_platform_parameters,
                                    (void *)GK_BAD_NONCANONICAL),
             -XEN_EFAULT, "platform_parameters to a non-canonical buffer");
    check_rc(HYPERVISOR_xen_version(XENVER_get_features,
                                    (void *)GK_BAD_UNMAPPED),
             -XEN_EFAULT, "get_features from an unmapped buffer");
    check_rc(HYPERVISOR_xen_version(XENVER_guest_handle,
                                    (void *)GK_BAD_UNMAPPED),
             -XEN_EFAULT, "guest_handle to an unmapped buffer");
    check_rc(HYPERVISOR_xen_version(64, NULL), -XEN_ENOSYS, "sub-op 64");
    check_rc(HYPERVISOR_xen_version(-1, NULL), -XEN_ENOSYS, "sub-op -1");
    return 0;
}
