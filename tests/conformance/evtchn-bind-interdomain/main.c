/* SPDX-License-Identifier: MIT */
/*
 * Pins EVTCHNOP_bind_interdomain with a domain bound to itself: the new
 * local port is the lowest free one and starts pending (pending bit,
 * selector bit, upcall flag; nothing is delivered with upcalls masked);
 * both ends report interdomain with each other's port; the remote port
 * must be valid, unbound and offered to us (-EINVAL otherwise: port 0,
 * 4096, ~0, a closed port, one offered to another domain, one already
 * connected); an unknown remote domain is -ESRCH.
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

GK_TEST_INFO("evtchn-bind-interdomain", "bind_interdomain connects a new port to an unbound one offered to us (a domain may bind to itself); the new port starts pending");

static long bind(uint16_t dom, evtchn_port_t port)
{
    return gk_evtchn_bind_interdomain(dom, port);
}

static void check_peer(evtchn_port_t port, evtchn_port_t peer)
{
    struct evtchn_status st;

    memset(&st, 0, sizeof(st));
    check_rc(gk_evtchn_status(DOMID_SELF, port, &st), 0, "status");
    check_eq(st.status, EVTCHNSTAT_interdomain, "state of a connected port");
    check_eq(st.u.interdomain.dom, 0, "peer domain");
    check_eq(st.u.interdomain.port, peer, "peer port");
    check_eq(st.vcpu, 0, "notified vcpu");
}

int main(void)
{
    struct vcpu_info *vi;
    long other, local;

    if (!gk_shared_info)
        test_error("shared_info is not mapped");
    vi = &gk_shared_info->vcpu_info[0];

    check_rc(gk_evtchn_alloc_unbound(DOMID_SELF), 1, "offer port 1");
    other = gk_evtchn_alloc_unbound(1000);
    check_rc(other, 2, "offer port 2 to domain 1000");
    vi->evtchn_pending_sel = 0;
    vi->evtchn_upcall_pending = 0;

    local = bind(DOMID_SELF, 1);
    check_rc(local, 3, "bind to our own port 1");
    check(gk_evtchn_is_pending(3), "the new port starts pending");
    check(!gk_evtchn_is_pending(1), "the remote end is not raised");
    check_eq(vi->evtchn_pending_sel, 1, "selector after the bind");
    check_eq(vi->evtchn_upcall_pending, 1, "upcall flag after the bind");
    check_peer(3, 1);
    check_peer(1, 3);

    check_rc(bind(DOMID_SELF, 1), -XEN_EINVAL, "port 1 again (connected)");
    check_rc(bind(DOMID_SELF, (evtchn_port_t)other), -XEN_EINVAL,
             "a port offered to another domain");
    check_rc(bind(DOMID_SELF, 0), -XEN_EINVAL, "port 0");
    check_rc(bind(DOMID_SELF, 50), -XEN_EINVAL, "a closed port");
    check_rc(bind(DOMID_SELF, 4096), -XEN_EINVAL, "port 4096");
    check_rc(bind(DOMID_SELF, 0xFFFFFFFF), -XEN_EINVAL, "port ~0");
    check_rc(bind(1000, 1), -XEN_ESRCH, "domain 1000");
    check_rc(bind(DOMID_XEN, 1), -XEN_ESRCH, "DOMID_XEN");

    check_rc(gk_evtchn_alloc_unbound(0), 4, "offer port 4 to domain 0");
    check_rc(bind(0, 4), 5, "bind naming our own id");
    check_rc(HYPERVISOR_event_channel_op(EVTCHNOP_bind_interdomain,
                                         (void *)GK_BAD_UNMAPPED),
             -XEN_EFAULT, "unmapped argument");
    return 0;
}
