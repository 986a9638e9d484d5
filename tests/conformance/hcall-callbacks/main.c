/* SPDX-License-Identifier: MIT */
/*
 * Pins callback registration: set_callbacks(event, failsafe, syscall)
 * returns 0; callback_op register of event, failsafe, syscall, syscall32,
 * sysenter and nmi returns 0 (XTF requires the first five), of
 * sysenter_deprecated (3) -ENOSYS and of an unknown type -ENOSYS; a
 * non-canonical address -EINVAL; unregister works only for nmi (0),
 * other known types -EINVAL, unknown types -ENOSYS; an unknown command
 * -ENOSYS; an unreadable argument
 * -EFAULT. Nothing is delivered: events stay masked.
 */
#include "abi/callback.h"
#include "abi/errno.h"
#include "gk/bad.h"
#include "gk/hypercall.h"
#include "gk/test.h"
#include "gk/traps.h"

GK_TEST_INFO("hcall-callbacks", "set_callbacks and callback_op");

static long reg(unsigned int type, uint64_t address, unsigned int flags)
{
    struct callback_register cb = {
        .type = (uint16_t)type, .flags = (uint16_t)flags, .address = address,
    };

    return HYPERVISOR_callback_op(CALLBACKOP_register, &cb);
}

static long unreg(unsigned int type)
{
    struct callback_unregister cb = { .type = (uint16_t)type };

    return HYPERVISOR_callback_op(CALLBACKOP_unregister, &cb);
}

int main(void)
{
    /* Any code address will do: events are masked, nothing is entered. */
    uint64_t entry = gk_trap_stub(0xF0);

    check_rc(HYPERVISOR_set_callbacks(entry, entry, entry), 0,
             "set_callbacks");

    check_rc(reg(CALLBACKTYPE_event, entry, 0), 0, "register event");
    check_rc(reg(CALLBACKTYPE_failsafe, entry, CALLBACKF_mask_events), 0,
             "register failsafe");
    check_rc(reg(CALLBACKTYPE_syscall, entry, CALLBACKF_mask_events), 0,
             "register syscall");
    check_rc(reg(CALLBACKTYPE_syscall32, entry, 0), 0, "register syscall32");
    check_rc(reg(CALLBACKTYPE_sysenter, entry, 0), 0, "register sysenter");
    check_rc(reg(CALLBACKTYPE_nmi, entry, 0), 0, "register nmi");
    check_rc(reg(CALLBACKTYPE_sysenter_deprecated, entry, 0), -XEN_ENOSYS,
             "register sysenter_deprecated");
    check_rc(reg(6, entry, 0), -XEN_ENOSYS, "register type 6");
    check_rc(reg(0xFFFF, entry, 0), -XEN_ENOSYS, "register type 0xffff");
    check_rc(reg(CALLBACKTYPE_event, GK_BAD_NONCANONICAL, 0), -XEN_EINVAL,
             "register a non-canonical event callback");

    check_rc(unreg(CALLBACKTYPE_nmi), 0, "unregister nmi");
    check_rc(unreg(CALLBACKTYPE_event), -XEN_EINVAL, "unregister event");
    check_rc(unreg(CALLBACKTYPE_syscall), -XEN_EINVAL, "unregister syscall");
    check_rc(unreg(0xFFFF), -XEN_ENOSYS, "unregister type 0xffff");

    check_rc(HYPERVISOR_callback_op(2, NULL), -XEN_ENOSYS, "command 2");
    check_rc(HYPERVISOR_callback_op(CALLBACKOP_register,
                                    (void *)GK_BAD_UNMAPPED),
             -XEN_EFAULT, "register from an unmapped argument");
    check_rc(HYPERVISOR_callback_op(CALLBACKOP_unregister,
                                    (void *)GK_BAD_UNMAPPED),
             -XEN_EFAULT, "unregister from an unmapped argument");
    return 0;
}
