/* SPDX-License-Identifier: MIT */
/*
 * physdev_op (33): the virtual I/O privilege level of a PV vCPU. The
 * hardware domain's interrupt and PCI operations (PIRQs, MSI, PCI device
 * reporting) are not implemented yet: they answer -ENOSYS, logged, as
 * Xen answers an operation it does not have.
 */
#include "pv/physdev.h"
#include "console/console.h"
#include "domain/domain.h"
#include "hypercall/guest-copy.h"
#include "hypercall/hypercall.h"

#include <abi/physdev.h>
#include <hv/errno.h>

/*
 * PHYSDEVOP_set_iopl: op.iopl becomes the vCPU's virtual IOPL. In/out is
 * then allowed in guest kernel mode from IOPL 1 and in user mode at 3
 * (hv/pv/ioport.c). -EFAULT unreadable, -EINVAL iopl above 3.
 */
static long physdev_op_set_iopl(struct vcpu *v, uint64_t arg)
{
    struct physdev_set_iopl op;

    if (copy_from_guest(&op, arg, sizeof(op)))
        return -EFAULT;
    if (op.iopl > 3)
        return gerr(v, -EINVAL, "physdev_op set_iopl: iopl %u above 3",
                    op.iopl);
    v->iopl = (uint8_t)op.iopl;
    return 0;
}

/*
 * physdev_op(cmd, arg). -ENOSYS for every other PHYSDEVOP_*, including
 * PHYSDEVOP_set_iobitmap and the hardware domain's PHYSDEVOP_map_pirq,
 * PHYSDEVOP_eoi, PHYSDEVOP_pirq_eoi_gmfn_v2, PHYSDEVOP_manage_pci_add and
 * the rest; Linux carries on without them.
 */
long hc_physdev_op(struct vcpu *v, uint64_t cmd, uint64_t arg, uint64_t a3,
                   uint64_t a4, uint64_t a5)
{
    switch (cmd) {
    case PHYSDEVOP_set_iopl:
        return physdev_op_set_iopl(v, arg);
    default:
        return gerr(v, -ENOSYS, "physdev_op: cmd %lu not implemented", cmd);
    }
}
