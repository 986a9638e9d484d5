/* SPDX-License-Identifier: MIT */
/*
 * EV-BIND/garbage ports (class J): send, close, unmask, status,
 * bind_vcpu, set_priority and bind_interdomain on ports 0, a closed one,
 * the first invalid block, 4095, 4096, 65535, 2^31 and ~0 get -EINVAL
 * (or what Xen answers for that state: unmask of a valid closed port is
 * 0; status of a valid closed one is "closed"); status of, allocation in
 * and binding to foreign, reserved or absent domains (1..63, 0x7FF0+)
 * are -ESRCH. Nothing a port number can do stops the guest.
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

GK_TEST_INFO("hostile-evtchn-bad-ports", "every port operation on out-of-range, reserved, closed and foreign ports is refused with Xen's errno; the guest keeps running");

static const evtchn_port_t bad[] = {
    64, 100, 4095, 4096, 65535, 0x80000000U, 0xFFFFFFFEU, 0xFFFFFFFFU,
};

int main(void)
{
    struct evtchn_set_priority sp = { .priority = 0 };
    struct evtchn_status st;
    struct evtchn_alloc_unbound au = { .remote_dom = DOMID_SELF };

    for (unsigned int i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
        evtchn_port_t p = bad[i];

        check_rc(gk_evtchn_send(p), -XEN_EINVAL, "send");
        check_rc(gk_evtchn_close(p), -XEN_EINVAL, "close");
        check_rc(gk_evtchn_unmask(p), -XEN_EINVAL, "unmask");
        check_rc(gk_evtchn_status(DOMID_SELF, p, &st), -XEN_EINVAL, "status");
        check_rc(gk_evtchn_bind_vcpu(p, 0), -XEN_EINVAL, "bind_vcpu");
        check_rc(gk_evtchn_bind_interdomain(DOMID_SELF, p), -XEN_EINVAL,
                 "bind_interdomain");
        sp.port = p;
        check_rc(HYPERVISOR_event_channel_op(EVTCHNOP_set_priority, &sp),
                 -XEN_EINVAL, "set_priority");
    }
    /* Port 0 and a closed port of the first block: valid, not in use. */
    for (evtchn_port_t p = 0; p < 64; p += 63) {
        check_rc(gk_evtchn_send(p), -XEN_EINVAL, "send on a free port");
        check_rc(gk_evtchn_close(p), -XEN_EINVAL, "close a free port");
        check_rc(gk_evtchn_unmask(p), 0, "unmask a free port");
        check_rc(gk_evtchn_bind_vcpu(p, 0), -XEN_EINVAL, "bind_vcpu free");
        memset(&st, 0xAA, sizeof(st));
        check_rc(gk_evtchn_status(DOMID_SELF, p, &st), 0, "status free");
        check_eq(st.status, EVTCHNSTAT_closed, "state of a free port");
    }
    for (unsigned int dom = 1; dom < 64; dom++) {
        check_rc(gk_evtchn_status((uint16_t)dom, 1, &st), -XEN_ESRCH,
                 "status in an absent domain");
        au.dom = (uint16_t)dom;
        check_rc(HYPERVISOR_event_channel_op(EVTCHNOP_alloc_unbound, &au),
                 -XEN_ESRCH, "alloc in an absent domain");
        check_rc(gk_evtchn_bind_interdomain((uint16_t)dom, 1), -XEN_ESRCH,
                 "bind to an absent domain");
    }
    for (unsigned int dom = DOMID_FIRST_RESERVED + 1; dom <= 0xFFFF; dom++) {
        if (dom == DOMID_SELF)
            continue;
        check_rc(gk_evtchn_status((uint16_t)dom, 1, &st), -XEN_ESRCH,
                 "status in a reserved domain");
        au.dom = (uint16_t)dom;
        check_rc(HYPERVISOR_event_channel_op(EVTCHNOP_alloc_unbound, &au),
                 -XEN_ESRCH, "alloc in a reserved domain");
        if (dom > 0x8000)
            dom += 0x7F;    /* sample the rest of the 16-bit range */
    }
    check_rc(gk_evtchn_alloc_unbound(DOMID_SELF), 1,
             "the port table is intact");
    return 0;
}
