/* SPDX-License-Identifier: MIT */
/*
 * Pins EVTCHNOP_send by port state: interdomain raises the other end
 * only; ipi raises the port itself; unbound returns 0 and raises
 * nothing (also once the peer closed); a VIRQ port, port 0, a closed
 * port, 4096 and ~0 are -EINVAL. Upcalls stay masked.
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

GK_TEST_INFO("evtchn-send", "send raises the peer (interdomain) or our own port (ipi), drops events on unbound ports, and is -EINVAL on virq, closed and invalid ports");

int main(void)
{
    long u, ipi, r, l, virq;

    if (!gk_shared_info)
        test_error("shared_info is not mapped");

    u = gk_evtchn_alloc_unbound(DOMID_SELF);
    check_rc(gk_evtchn_send((evtchn_port_t)u), 0, "send on unbound");
    check(!gk_evtchn_is_pending((evtchn_port_t)u), "unbound: dropped");

    ipi = gk_evtchn_bind_ipi(0);
    check_rc(gk_evtchn_send((evtchn_port_t)ipi), 0, "send on ipi");
    check(gk_evtchn_is_pending((evtchn_port_t)ipi), "ipi: own port raised");

    r = gk_evtchn_alloc_unbound(DOMID_SELF);
    l = gk_evtchn_bind_interdomain(DOMID_SELF, (evtchn_port_t)r);
    if (l < 0)
        test_error("bind_interdomain: %ld", l);
    gk_evtchn_clear((evtchn_port_t)l);
    check_rc(gk_evtchn_send((evtchn_port_t)l), 0, "send on one end");
    check(gk_evtchn_is_pending((evtchn_port_t)r), "the other end raised");
    check(!gk_evtchn_is_pending((evtchn_port_t)l), "the sender not");
    gk_evtchn_clear((evtchn_port_t)r);
    check_rc(gk_evtchn_send((evtchn_port_t)r), 0, "send back");
    check(gk_evtchn_is_pending((evtchn_port_t)l), "first end raised");
    check(!gk_evtchn_is_pending((evtchn_port_t)r), "second end not");

    check_rc(gk_evtchn_close((evtchn_port_t)l), 0, "close one end");
    check_rc(gk_evtchn_send((evtchn_port_t)r), 0, "send to a closed peer");
    check(!gk_evtchn_is_pending((evtchn_port_t)r), "dropped");
    check(!gk_evtchn_is_pending((evtchn_port_t)l), "nothing on the closed");
    check_rc(gk_evtchn_send((evtchn_port_t)l), -XEN_EINVAL,
             "send on the closed end");

    virq = gk_evtchn_bind_virq(VIRQ_TIMER, 0);
    check_rc(gk_evtchn_send((evtchn_port_t)virq), -XEN_EINVAL,
             "send on a virq port");
    check_rc(gk_evtchn_send(0), -XEN_EINVAL, "send on port 0");
    check_rc(gk_evtchn_send(60), -XEN_EINVAL, "send on a never-used port");
    check_rc(gk_evtchn_send(4096), -XEN_EINVAL, "send on port 4096");
    check_rc(gk_evtchn_send(0xFFFFFFFF), -XEN_EINVAL, "send on port ~0");
    check_rc(HYPERVISOR_event_channel_op(EVTCHNOP_send,
                                         (void *)GK_BAD_UNMAPPED),
             -XEN_EFAULT, "unmapped argument");
    return 0;
}
