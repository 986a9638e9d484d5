/* SPDX-License-Identifier: MIT */
/*
 * Pins EVTCHNOP_close: closing clears the port's pending bit but keeps
 * its mask bit (which the next user of the port inherits); a second
 * close, port 0, a never-used port and port 4096 are -EINVAL; closing one
 * end of an interdomain pair leaves the other unbound and offered to
 * the closer; closing a VIRQ port lets the VIRQ be bound again.
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

GK_TEST_INFO("evtchn-close", "close frees a port (pending cleared, mask kept), returns an interdomain peer to unbound and unbinds a VIRQ; closed ports are -EINVAL");

int main(void)
{
    struct evtchn_status st;
    long ipi, r, l, virq;

    if (!gk_shared_info)
        test_error("shared_info is not mapped");

    ipi = gk_evtchn_bind_ipi(0);
    check_rc(ipi, 1, "bind_ipi");
    gk_evtchn_mask(1);
    check_rc(gk_evtchn_send(1), 0, "send");
    check(gk_evtchn_is_pending(1), "pending before close");
    check_rc(gk_evtchn_close(1), 0, "close");
    check(!gk_evtchn_is_pending(1), "close clears pending");
    check(gk_evtchn_is_masked(1), "close keeps the mask");
    check_rc(gk_evtchn_close(1), -XEN_EINVAL, "close again");
    check_rc(gk_evtchn_close(0), -XEN_EINVAL, "close port 0");
    check_rc(gk_evtchn_close(40), -XEN_EINVAL, "close a never-used port");
    check_rc(gk_evtchn_close(4096), -XEN_EINVAL, "close port 4096");
    check_rc(gk_evtchn_close(0xFFFFFFFF), -XEN_EINVAL, "close port ~0");

    check_rc(gk_evtchn_alloc_unbound(DOMID_SELF), 1, "port 1 reused");
    check(gk_evtchn_is_masked(1), "the new user inherits the mask");
    gk_evtchn_unmask(1);

    r = 1;
    l = gk_evtchn_bind_interdomain(DOMID_SELF, (evtchn_port_t)r);
    check_rc(l, 2, "connect to port 1");
    check_rc(gk_evtchn_close(2), 0, "close one end");
    memset(&st, 0, sizeof(st));
    check_rc(gk_evtchn_status(DOMID_SELF, 1, &st), 0, "status of the peer");
    check_eq(st.status, EVTCHNSTAT_unbound, "the peer is unbound again");
    check_eq(st.u.unbound.dom, 0, "offered to the closer");
    check_rc(gk_evtchn_status(DOMID_SELF, 2, &st), 0, "status of the closed");
    check_eq(st.status, EVTCHNSTAT_closed, "the closed end");
    check_rc(gk_evtchn_bind_interdomain(DOMID_SELF, 1), 2, "reconnect");

    virq = gk_evtchn_bind_virq(VIRQ_DEBUG, 0);
    check_rc(virq, 3, "bind VIRQ_DEBUG");
    check_rc(gk_evtchn_close(3), 0, "close it");
    check_rc(gk_evtchn_bind_virq(VIRQ_DEBUG, 0), 3, "bind it again");
    check_rc(HYPERVISOR_event_channel_op(EVTCHNOP_close,
                                         (void *)GK_BAD_UNMAPPED),
             -XEN_EFAULT, "unmapped argument");
    return 0;
}
