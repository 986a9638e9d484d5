/* SPDX-License-Identifier: MIT */
/*
 * Pins EVTCHNOP_alloc_unbound: ports come lowest-free-first starting at
 * 1 (0 is reserved); remote_dom DOMID_SELF is recorded as the caller's
 * id and any other value is recorded unchecked; dom may be DOMID_SELF or
 * the caller's own id; a domain that does not exist (1000, DOMID_XEN,
 * DOMID_IO) is -ESRCH; an unreadable argument is -EFAULT.
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

GK_TEST_INFO("evtchn-alloc-unbound", "alloc_unbound hands out the lowest free port from 1, records the remote domain unchecked, and refuses unknown domains with -ESRCH");

static long alloc(uint16_t dom, uint16_t remote)
{
    struct evtchn_alloc_unbound a = { .dom = dom, .remote_dom = remote,
                                      .port = 0xDEAD };
    long rc = HYPERVISOR_event_channel_op(EVTCHNOP_alloc_unbound, &a);

    return rc ? rc : (long)a.port;
}

static void check_unbound(evtchn_port_t port, uint16_t remote)
{
    struct evtchn_status st;

    memset(&st, 0, sizeof(st));
    check_rc(gk_evtchn_status(DOMID_SELF, port, &st), 0, "status");
    check_eq(st.status, EVTCHNSTAT_unbound, "status of an unbound port");
    check_eq(st.u.unbound.dom, remote, "remote domain of the unbound port");
}

int main(void)
{
    check_rc(alloc(DOMID_SELF, DOMID_SELF), 1, "first port");
    check_unbound(1, 0);
    check_rc(alloc(DOMID_SELF, 1000), 2, "port offered to domain 1000");
    check_unbound(2, 1000);
    check_rc(alloc(DOMID_SELF, DOMID_XEN), 3, "port offered to DOMID_XEN");
    check_unbound(3, DOMID_XEN);
    check_rc(alloc(0, 0), 4, "dom given as our own id");

    check_rc(gk_evtchn_close(2), 0, "close port 2");
    check_rc(alloc(DOMID_SELF, 0), 2, "lowest free port is reused");
    check_rc(alloc(DOMID_SELF, 0), 5, "then the next new one");

    check_rc(alloc(1000, DOMID_SELF), -XEN_ESRCH, "dom 1000");
    check_rc(alloc(DOMID_XEN, DOMID_SELF), -XEN_ESRCH, "dom DOMID_XEN");
    check_rc(alloc(DOMID_IO, DOMID_SELF), -XEN_ESRCH, "dom DOMID_IO");
    check_rc(HYPERVISOR_event_channel_op(EVTCHNOP_alloc_unbound,
                                         (void *)GK_BAD_UNMAPPED),
             -XEN_EFAULT, "unmapped argument");
    check_rc(alloc(DOMID_SELF, 0), 6, "no port was used by the failures");
    return 0;
}
