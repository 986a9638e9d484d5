/* SPDX-License-Identifier: MIT */
/* vm_assist (21): optional behaviours; all PV64 types are accepted. */
#include "hypercall/hypercall.h"
#include "console/console.h"
#include "domain/domain.h"

#include <abi/vm-assist.h>
#include <hv/errno.h>

#define PV64_VMASST_MASK                                                     \
    ((1UL << VMASST_TYPE_4gb_segments) |                                     \
     (1UL << VMASST_TYPE_4gb_segments_notify) |                              \
     (1UL << VMASST_TYPE_writable_pagetables) |                              \
     (1UL << VMASST_TYPE_pae_extended_cr3) |                                 \
     (1UL << VMASST_TYPE_architectural_iopl) |                               \
     (1UL << VMASST_TYPE_runstate_update_flag) |                             \
     (1UL << VMASST_TYPE_m2p_strict))

/*
 * vm_assist(cmd, type): enable or disable one assist.
 *   -ENOSYS  cmd is neither enable nor disable
 *   -EINVAL  type unknown for 64-bit PV
 */
long hc_vm_assist(struct vcpu *v, uint64_t cmd, uint64_t type, uint64_t a3,
                  uint64_t a4, uint64_t a5)
{
    struct domain *d = v->domain;

    if (cmd != VMASST_CMD_enable && cmd != VMASST_CMD_disable)
        return gerr(v, -ENOSYS, "vm_assist: unknown cmd %lu", cmd);
    if (type > MAX_VMASST_TYPE || !(PV64_VMASST_MASK & (1UL << type)))
        return gerr(v, -EINVAL, "vm_assist: unknown type %lu", type);
    if (cmd == VMASST_CMD_enable)
        d->vm_assist |= 1UL << type;
    else
        d->vm_assist &= ~(1UL << type);
    return 0;
}
