/* SPDX-License-Identifier: MIT */
/*
 * Pins hv's refusal of the FIFO event ABI: EVTCHNOP_init_control is
 * -ENOSYS (Linux then stays on the 2-level ABI), -EFAULT with an
 * unreadable argument, and afterwards 2-level sends still set bits in
 * shared_info. Xen 4.17 implements FIFO, so there the test SKIPs.
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

GK_TEST_INFO("evtchn-fifo-absent", "hv offers no FIFO event ABI: init_control is -ENOSYS and the domain stays on 2-level (SKIP on Xen, which implements FIFO)");

int main(void)
{
    struct evtchn_init_control ic = { .control_gfn = 0x1000, .vcpu = 0 };
    long port;

    if (gk_on_xen())
        test_skip("Xen 4.17 implements the FIFO ABI; hv does not (init_control is -ENOSYS there)");
    check_rc(HYPERVISOR_event_channel_op(EVTCHNOP_init_control, &ic),
             -XEN_ENOSYS, "init_control");
    check_rc(HYPERVISOR_event_channel_op(EVTCHNOP_init_control,
                                         (void *)GK_BAD_UNMAPPED),
             -XEN_EFAULT, "init_control with an unmapped argument");
    port = gk_evtchn_bind_ipi(0);
    check_rc(gk_evtchn_send((evtchn_port_t)port), 0, "send");
    check(gk_evtchn_is_pending((evtchn_port_t)port), "2-level bit set");
    return 0;
}
