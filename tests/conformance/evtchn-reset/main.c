/* SPDX-License-Identifier: MIT */
/*
 * Pins EVTCHNOP_reset on DOMID_SELF (and on our own id): every port is
 * closed (VIRQs become bindable again, blocks stay valid); domain 1000
 * and DOMID_XEN are -ESRCH; the internal continuation command 14 is
 * -EBUSY when no reset is in progress (-ESRCH for an absent domain).
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

GK_TEST_INFO("evtchn-reset", "EVTCHNOP_reset closes every port of the caller; foreign or absent domains are refused; reset_cont without a reset is -EBUSY");

static long reset(unsigned int cmd, uint16_t dom)
{
    struct evtchn_reset r = { .dom = dom };

    return HYPERVISOR_event_channel_op((int)cmd, &r);
}

int main(void)
{
    struct evtchn_status st;
    long r;

    r = gk_evtchn_alloc_unbound(DOMID_SELF);
    if (gk_evtchn_bind_interdomain(DOMID_SELF, (evtchn_port_t)r) < 0 ||
        gk_evtchn_bind_ipi(0) < 0 || gk_evtchn_bind_virq(VIRQ_TIMER, 0) < 0)
        test_error("could not set up the ports");

    check_rc(reset(EVTCHNOP_reset, DOMID_SELF), 0, "reset DOMID_SELF");
    for (evtchn_port_t p = 0; p < 64; p++) {
        memset(&st, 0, sizeof(st));
        check_rc(gk_evtchn_status(DOMID_SELF, p, &st), 0, "status");
        check_eq(st.status, EVTCHNSTAT_closed, "state after reset");
    }
    check_rc(gk_evtchn_bind_virq(VIRQ_TIMER, 0), 1, "VIRQ_TIMER rebinds");
    check_rc(reset(EVTCHNOP_reset, 0), 0, "reset by our own id");
    check_rc(gk_evtchn_status(DOMID_SELF, 1, &st), 0, "status of port 1");
    check_eq(st.status, EVTCHNSTAT_closed, "closed again");

    check_rc(reset(EVTCHNOP_reset, 1000), -XEN_ESRCH, "domain 1000");
    check_rc(reset(EVTCHNOP_reset, DOMID_XEN), -XEN_ESRCH, "DOMID_XEN");
    check_rc(reset(14, DOMID_SELF), -XEN_EBUSY, "reset_cont, no reset");
    check_rc(reset(14, 1000), -XEN_ESRCH, "reset_cont of domain 1000");
    check_rc(HYPERVISOR_event_channel_op(EVTCHNOP_reset,
                                         (void *)GK_BAD_UNMAPPED),
             -XEN_EFAULT, "unmapped argument");
    return 0;
}
