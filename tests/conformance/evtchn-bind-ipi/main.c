/* SPDX-License-Identifier: MIT */
/*
 * Pins EVTCHNOP_bind_ipi: a new port notifying vCPU 0, status ipi with
 * vcpu 0 and the union left as sent; vCPU 1, 32 and ~0 are -ENOENT (one
 * vCPU); EVTCHNOP_send on the port sets its pending bit, the selector
 * bit and the upcall flag (upcalls stay masked: nothing is delivered);
 * a second send changes nothing more.
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

GK_TEST_INFO("evtchn-bind-ipi", "bind_ipi binds a port to a vCPU (-ENOENT for a missing one); send on it raises our own port");

int main(void)
{
    struct vcpu_info *vi;
    struct evtchn_status st;
    uint8_t *b = (uint8_t *)&st;
    long port;

    if (!gk_shared_info)
        test_error("shared_info is not mapped");
    vi = &gk_shared_info->vcpu_info[0];

    port = gk_evtchn_bind_ipi(0);
    check_rc(port, 1, "bind_ipi on vcpu 0");
    memset(&st, 0xAA, sizeof(st));
    check_rc(gk_evtchn_status(DOMID_SELF, 1, &st), 0, "status");
    check_eq(st.status, EVTCHNSTAT_ipi, "state");
    check_eq(st.vcpu, 0, "vcpu");
    for (unsigned int i = 16; i < sizeof(st); i++)
        check_eq(b[i], 0xAA, "union byte of an ipi status");

    check_rc(gk_evtchn_bind_ipi(1), -XEN_ENOENT, "vcpu 1");
    check_rc(gk_evtchn_bind_ipi(32), -XEN_ENOENT, "vcpu 32");
    check_rc(gk_evtchn_bind_ipi(0xFFFFFFFF), -XEN_ENOENT, "vcpu ~0");

    vi->evtchn_pending_sel = 0;
    vi->evtchn_upcall_pending = 0;
    check_rc(gk_evtchn_send(1), 0, "send");
    check(gk_evtchn_is_pending(1), "pending after send");
    check_eq(vi->evtchn_pending_sel, 1, "selector after send");
    check_eq(vi->evtchn_upcall_pending, 1, "upcall flag after send");
    check_eq(vi->evtchn_upcall_mask, 1, "still masked");

    vi->evtchn_pending_sel = 0;
    vi->evtchn_upcall_pending = 0;
    check_rc(gk_evtchn_send(1), 0, "send while pending");
    check_eq(vi->evtchn_pending_sel, 0, "selector untouched");
    check_eq(vi->evtchn_upcall_pending, 0, "upcall flag untouched");
    check_rc(gk_evtchn_bind_ipi(0), 2, "a second ipi port");
    return 0;
}
