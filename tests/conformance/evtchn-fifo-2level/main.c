/* SPDX-License-Identifier: MIT */
/*
 * Pins the answers of a domain on the 2-level ABI: expand_array is
 * -EOPNOTSUPP; set_priority is -ENOSYS on a valid port and -EINVAL on an
 * invalid one; bind_pirq of a pirq the domain was not given is -EPERM,
 * of one beyond the domain's range -EINVAL; commands 15, 100 and ~0 are
 * -ENOSYS even with an unmapped argument, every known command with one
 * is -EFAULT; only the low 32 bits of cmd count. (init_control is in
 * evtchn-fifo-absent: there hv and Xen differ.)
 */
#include <string.h>

#include "abi/errno.h"
#include "abi/event-channel.h"
#include "abi/memory.h"
#include "gk/bad.h"
#include "gk/boot.h"
#include "gk/events.h"
#include "gk/hypercall.h"
#include "gk/test.h"

GK_TEST_INFO("evtchn-fifo-2level", "a 2-level domain gets Xen's answers to the FIFO commands and to bind_pirq without access; unknown commands are -ENOSYS before the argument is read");

int main(void)
{
    struct evtchn_expand_array ea = { .array_gfn = 0x123456 };
    struct evtchn_set_priority sp = { .port = 1, .priority = 3 };
    struct evtchn_bind_pirq bp = { .pirq = 100 };
    struct evtchn_close cl = { .port = 60 };
    static const unsigned int cmds[] = {
        EVTCHNOP_bind_interdomain, EVTCHNOP_bind_virq, EVTCHNOP_bind_pirq,
        EVTCHNOP_close, EVTCHNOP_send, EVTCHNOP_status,
        EVTCHNOP_alloc_unbound, EVTCHNOP_bind_ipi, EVTCHNOP_bind_vcpu,
        EVTCHNOP_unmask, EVTCHNOP_reset, EVTCHNOP_init_control,
        EVTCHNOP_expand_array, EVTCHNOP_set_priority,
    };

    if (gk_evtchn_bind_ipi(0) != 1)
        test_error("bind_ipi did not give port 1");
    check_rc(HYPERVISOR_event_channel_op(EVTCHNOP_expand_array, &ea),
             -XEN_EOPNOTSUPP, "expand_array");
    check_rc(HYPERVISOR_event_channel_op(EVTCHNOP_set_priority, &sp),
             -XEN_ENOSYS, "set_priority of port 1");
    sp.port = 4096;
    check_rc(HYPERVISOR_event_channel_op(EVTCHNOP_set_priority, &sp),
             -XEN_EINVAL, "set_priority of port 4096");

    check_rc(HYPERVISOR_event_channel_op(EVTCHNOP_bind_pirq, &bp),
             -XEN_EPERM, "bind_pirq 100");
    bp.pirq = 100000;
    check_rc(HYPERVISOR_event_channel_op(EVTCHNOP_bind_pirq, &bp),
             -XEN_EINVAL, "bind_pirq 100000");
    bp.pirq = 0xFFFFFFFF;
    check_rc(HYPERVISOR_event_channel_op(EVTCHNOP_bind_pirq, &bp),
             -XEN_EINVAL, "bind_pirq ~0");

    check_rc(HYPERVISOR_event_channel_op(15, (void *)GK_BAD_UNMAPPED),
             -XEN_ENOSYS, "cmd 15");
    check_rc(HYPERVISOR_event_channel_op(100, (void *)GK_BAD_UNMAPPED),
             -XEN_ENOSYS, "cmd 100");
    check_rc(HYPERVISOR_event_channel_op(-1, (void *)GK_BAD_UNMAPPED),
             -XEN_ENOSYS, "cmd ~0");
    for (unsigned int i = 0; i < sizeof(cmds) / sizeof(cmds[0]); i++)
        check_rc(HYPERVISOR_event_channel_op((int)cmds[i],
                                             (void *)GK_BAD_UNMAPPED),
                 -XEN_EFAULT, "a known command with an unmapped argument");
    check_rc(GK_HC(event_channel_op, 0x100000000UL | EVTCHNOP_close, &cl,
                   0, 0, 0),
             -XEN_EINVAL, "close with bit 32 set in cmd");
    return 0;
}
