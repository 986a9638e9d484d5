/* SPDX-License-Identifier: MIT */
/*
 * Pins EVTCHNOP_unmask on the shared bits (upcalls masked): an event
 * sent to a masked port sets only its pending bit; unmask clears the
 * mask and sets the selector bit and upcall flag; unmasking again (no
 * longer masked) changes nothing; on a valid port not in use (closed,
 * or port 0) unmask returns 0 and leaves the mask bit alone; past the
 * valid ports it is -EINVAL.
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

GK_TEST_INFO("evtchn-unmask", "EVTCHNOP_unmask clears the mask and delivers an event that waited behind it once; any valid port, -EINVAL beyond");

int main(void)
{
    struct vcpu_info *vi;
    long ipi;

    if (!gk_shared_info)
        test_error("shared_info is not mapped");
    vi = &gk_shared_info->vcpu_info[0];
    ipi = gk_evtchn_bind_ipi(0);
    if (ipi < 0)
        test_error("bind_ipi: %ld", ipi);

    gk_evtchn_mask((evtchn_port_t)ipi);
    vi->evtchn_pending_sel = 0;
    vi->evtchn_upcall_pending = 0;
    check_rc(gk_evtchn_send((evtchn_port_t)ipi), 0, "send while masked");
    check(gk_evtchn_is_pending((evtchn_port_t)ipi), "pending recorded");
    check_eq(vi->evtchn_pending_sel, 0, "no selector while masked");
    check_eq(vi->evtchn_upcall_pending, 0, "no upcall flag while masked");

    check_rc(gk_evtchn_unmask((evtchn_port_t)ipi), 0, "unmask");
    check(!gk_evtchn_is_masked((evtchn_port_t)ipi), "mask cleared");
    check(gk_evtchn_is_pending((evtchn_port_t)ipi), "still pending");
    check_eq(vi->evtchn_pending_sel, 1, "selector after unmask");
    check_eq(vi->evtchn_upcall_pending, 1, "upcall flag after unmask");

    vi->evtchn_pending_sel = 0;
    vi->evtchn_upcall_pending = 0;
    check_rc(gk_evtchn_unmask((evtchn_port_t)ipi), 0, "unmask again");
    check_eq(vi->evtchn_pending_sel, 0, "nothing redelivered");
    check_eq(vi->evtchn_upcall_pending, 0, "no upcall flag");

    gk_evtchn_mask(40);
    check_rc(gk_evtchn_unmask(40), 0, "unmask a closed port");
    check(gk_evtchn_is_masked(40), "a closed port's mask is left alone");
    check_rc(gk_evtchn_unmask(0), 0, "unmask port 0");
    check_rc(gk_evtchn_unmask(64), -XEN_EINVAL, "unmask port 64");
    check_rc(gk_evtchn_unmask(4095), -XEN_EINVAL, "unmask port 4095");
    check_rc(gk_evtchn_unmask(4096), -XEN_EINVAL, "unmask port 4096");
    check_rc(gk_evtchn_unmask(0xFFFFFFFF), -XEN_EINVAL, "unmask port ~0");
    check_rc(HYPERVISOR_event_channel_op(EVTCHNOP_unmask,
                                         (void *)GK_BAD_UNMAPPED),
             -XEN_EFAULT, "unmapped argument");
    return 0;
}
