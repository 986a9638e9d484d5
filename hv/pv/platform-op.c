/* SPDX-License-Identifier: MIT */
/*
 * platform_op (7), the part a Linux dom0 asks for at boot: firmware
 * information hv does not have (BIOS disk data, EDID, EFI) is refused as
 * Xen refuses it on a machine without it, the keyboard shift flags read
 * 0, and the physical CPUs are described. Clock setting, power management
 * and microcode are not implemented.
 */
#include "pv/platform-op.h"
#include "console/console.h"
#include "domain/domain.h"
#include "hypercall/guest-copy.h"
#include "hypercall/hc-stats.h"

#include <abi/platform.h>
#include <hv/errno.h>

/*
 * XENPF_firmware_info: XEN_FW_KBD_SHIFT_FLAGS reads 0; XEN_FW_DISK_INFO,
 * XEN_FW_DISK_MBR_SIGNATURE and XEN_FW_VBEDDC_INFO are -ESRCH (hv kept
 * no BIOS data), XEN_FW_EFI_INFO -ENOSYS (not booted through EFI), any
 * other type -EINVAL.
 */
static long platform_op_firmware_info(struct vcpu *v,
                                      struct xen_platform_op *op)
{
    struct xenpf_firmware_info *fw = &op->u.firmware_info;

    switch (fw->type) {
    case XEN_FW_KBD_SHIFT_FLAGS:
        fw->u.kbd_shift_flags = 0;
        return 0;
    case XEN_FW_DISK_INFO:
    case XEN_FW_DISK_MBR_SIGNATURE:
    case XEN_FW_VBEDDC_INFO:
        return -ESRCH;
    case XEN_FW_EFI_INFO:
        return -ENOSYS;
    default:
        return gerr(v, -EINVAL, "platform_op firmware_info: type %u unknown",
                    fw->type);
    }
}

/*
 * XENPF_get_cpuinfo: CPU xen_cpuid as online with its APIC and ACPI ids
 * equal to its number; -EINVAL for a CPU hv does not run on.
 */
static long platform_op_get_cpuinfo(struct vcpu *v,
                                    struct xen_platform_op *op)
{
    struct xenpf_pcpuinfo *pi = &op->u.pcpu_info;

    /* hv brings up the boot CPU only so far. */
    pi->max_present = 0;
    if (pi->xen_cpuid > pi->max_present) {
        pi->flags = XEN_PCPU_FLAGS_INVALID;
        return gerr(v, -EINVAL, "platform_op get_cpuinfo: no CPU %u",
                    pi->xen_cpuid);
    }
    pi->flags = XEN_PCPU_FLAGS_ONLINE;
    pi->apic_id = pi->xen_cpuid;
    pi->acpi_id = pi->xen_cpuid;
    return 0;
}

/*
 * platform_op(op): -EFAULT unreadable, -EACCES for another
 * interface_version, -EPERM unless the caller is privileged, -ENOSYS for
 * a command hv does not implement (XENPF_settime32, XENPF_settime64 and
 * the rest); else the command's answer. The structure is written back
 * whole, as Xen does.
 */
long hc_platform_op(struct vcpu *v, uint64_t arg, uint64_t a2, uint64_t a3,
                    uint64_t a4, uint64_t a5)
{
    struct xen_platform_op op;
    long rc;

    if (copy_from_guest(&op, arg, sizeof(op)))
        return -EFAULT;
    hc_stats_set_subop(op.cmd);
    if (op.interface_version != XENPF_INTERFACE_VERSION)
        return gerr(v, -EACCES, "platform_op: interface version %#x",
                    op.interface_version);
    if (!is_privileged(v->domain))
        return gerr(v, -EPERM, "platform_op: not privileged");

    switch (op.cmd) {
    case XENPF_firmware_info:
        rc = platform_op_firmware_info(v, &op);
        break;
    case XENPF_get_cpuinfo:
        rc = platform_op_get_cpuinfo(v, &op);
        break;
    default:
        return gerr(v, -ENOSYS, "platform_op: cmd %u not implemented",
                    op.cmd);
    }
    if (copy_to_guest(arg, &op, sizeof(op)))
        return -EFAULT;
    return rc;
}
