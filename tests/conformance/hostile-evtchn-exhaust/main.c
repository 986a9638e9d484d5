/* SPDX-License-Identifier: MIT */
/*
 * EV-LIMIT (XSA-317 class): dom0 allocates ports until the call fails:
 * exactly 4095 ports (1..4095), then -ENOSPC from alloc_unbound,
 * bind_ipi, bind_virq and bind_interdomain (argument errors that are
 * checked first, like an unknown VIRQ, still win). Closing every port
 * (one by one, then by EVTCHNOP_reset) lets the same 4095 be allocated
 * again; the hypervisor survives three rounds.
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

GK_TEST_INFO("hostile-evtchn-exhaust", "allocating until failure stops at exactly port 4095 for dom0 with -ENOSPC from every bind; closing everything makes all ports reusable, three times over");

static unsigned int fill(void)
{
    unsigned int n = 0;
    long port;

    while ((port = gk_evtchn_alloc_unbound(DOMID_SELF)) > 0) {
        if (port != (long)n + 1)
            test_fail("port %ld handed out as allocation %u", port, n + 1);
        n++;
        if (n > 5000)
            test_fail("more than 5000 ports allocated");
    }
    check_rc(port, -XEN_ENOSPC, "allocation past the last port");
    return n;
}

int main(void)
{
    struct evtchn_reset rs = { .dom = DOMID_SELF };

    for (int round = 0; round < 3; round++) {
        check_eq(fill(), 4095, "ports allocated");
        check_rc(gk_evtchn_bind_ipi(0), -XEN_ENOSPC, "bind_ipi when full");
        check_rc(gk_evtchn_bind_virq(VIRQ_TIMER, 0), -XEN_ENOSPC,
                 "bind_virq when full");
        check_rc(gk_evtchn_bind_virq(99, 0), -XEN_EINVAL,
                 "unknown virq when full");
        check_rc(gk_evtchn_bind_interdomain(DOMID_SELF, 7), -XEN_ENOSPC,
                 "bind_interdomain when full");
        check_rc(gk_evtchn_bind_interdomain(1000, 7), -XEN_ESRCH,
                 "bind_interdomain to no domain when full");
        if (round == 1) {
            check_rc(HYPERVISOR_event_channel_op(EVTCHNOP_reset, &rs), 0,
                     "reset");
            continue;
        }
        for (evtchn_port_t p = 1; p <= 4095; p++)
            if (gk_evtchn_close(p))
                test_fail("close of port %u failed", p);
    }
    return 0;
}
