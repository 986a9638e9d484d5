/* SPDX-License-Identifier: MIT */
/* platform_op (hypercall 7): the hardware domain's platform requests. */
#ifndef HV_ABI_PLATFORM_H
#define HV_ABI_PLATFORM_H

#include <stdint.h>

#define XENPF_INTERFACE_VERSION 0x03000001

#define XENPF_settime32           17
#define XENPF_firmware_info       50
#define XENPF_get_cpuinfo         55
#define XENPF_settime64           62

/* XENPF_firmware_info types. */
#define XEN_FW_DISK_INFO          1
#define XEN_FW_DISK_MBR_SIGNATURE 2
#define XEN_FW_VBEDDC_INFO        3
#define XEN_FW_EFI_INFO           4
#define XEN_FW_KBD_SHIFT_FLAGS    5

/* XENPF_firmware_info: IN type, index; OUT the union, per type. */
struct xenpf_firmware_info {
    uint32_t type;
    uint32_t index;
    union {
        uint8_t kbd_shift_flags;   /* XEN_FW_KBD_SHIFT_FLAGS */
        uint8_t _raw[32];
    } u;
};

#define XEN_PCPU_FLAGS_ONLINE   1
#define XEN_PCPU_FLAGS_INVALID  2

/* XENPF_get_cpuinfo: IN xen_cpuid; OUT the rest. */
struct xenpf_pcpuinfo {
    uint32_t xen_cpuid;
    uint32_t max_present;      /* highest present CPU number */
    uint32_t flags;            /* XEN_PCPU_FLAGS_* */
    uint32_t apic_id;
    uint32_t acpi_id;
};

/* Every platform_op: cmd and interface_version, then the sub-op's part. */
struct xen_platform_op {
    uint32_t cmd;
    uint32_t interface_version;    /* XENPF_INTERFACE_VERSION */
    union {
        struct xenpf_firmware_info firmware_info;
        struct xenpf_pcpuinfo pcpu_info;
        uint8_t pad[128];
    } u;
};

#endif
