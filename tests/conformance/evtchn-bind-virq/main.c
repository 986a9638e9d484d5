/* SPDX-License-Identifier: MIT */
/*
 * Pins EVTCHNOP_bind_virq: each of the 24 VIRQs (unassigned numbers
 * included, which count as global) binds on vCPU 0 to a new port whose
 * status is virq/vcpu 0; binding one again is -EEXIST; virq >= 24 is
 * -EINVAL even with a bad vCPU; a global VIRQ on vCPU != 0 is -EINVAL
 * even for a vCPU that does not exist; a per-vCPU VIRQ on a missing vCPU
 * is -ENOENT. The domain has one vCPU.
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

GK_TEST_INFO("evtchn-bind-virq", "bind_virq binds every VIRQ below 24 on vCPU 0 once; global VIRQs only on vCPU 0; -EINVAL/-ENOENT/-EEXIST in Xen's order");

static long bind(uint32_t virq, uint32_t vcpu)
{
    return gk_evtchn_bind_virq(virq, vcpu);
}

int main(void)
{
    struct evtchn_status st;

    for (uint32_t virq = 0; virq < NR_VIRQS; virq++) {
        long port = bind(virq, 0);

        check_rc(port, virq + 1, "bind a virq on vcpu 0");
        if (port <= 0)
            continue;
        memset(&st, 0, sizeof(st));
        check_rc(gk_evtchn_status(DOMID_SELF, (evtchn_port_t)port, &st), 0,
                 "status");
        check_eq(st.status, EVTCHNSTAT_virq, "state");
        check_eq(st.u.virq, virq, "virq");
        check_eq(st.vcpu, 0, "vcpu");
    }
    check_rc(bind(VIRQ_TIMER, 0), -XEN_EEXIST, "VIRQ_TIMER again");
    check_rc(bind(VIRQ_CONSOLE, 0), -XEN_EEXIST, "VIRQ_CONSOLE again");
    check_rc(bind(NR_VIRQS, 0), -XEN_EINVAL, "virq 24");
    check_rc(bind(0xFFFFFFFF, 0), -XEN_EINVAL, "virq ~0");
    check_rc(bind(100, 5), -XEN_EINVAL, "virq 100 on vcpu 5");
    check_rc(bind(VIRQ_CONSOLE, 1), -XEN_EINVAL, "global virq on vcpu 1");
    check_rc(bind(VIRQ_DOM_EXC, 5), -XEN_EINVAL, "global virq on vcpu 5");
    check_rc(bind(VIRQ_TIMER, 1), -XEN_ENOENT, "VIRQ_TIMER on vcpu 1");
    check_rc(bind(VIRQ_DEBUG, 0xFFFFFFFF), -XEN_ENOENT, "VIRQ_DEBUG on vcpu ~0");
    check_rc(gk_evtchn_close(1), 0, "close VIRQ_TIMER's port");
    check_rc(bind(VIRQ_TIMER, 0), 1, "VIRQ_TIMER binds again after close");
    check_rc(HYPERVISOR_event_channel_op(EVTCHNOP_bind_virq,
                                         (void *)GK_BAD_UNMAPPED),
             -XEN_EFAULT, "unmapped argument");
    return 0;
}
