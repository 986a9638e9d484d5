/* SPDX-License-Identifier: MIT */
/*
 * EV-STORM (XSA-332 class, inside one domain): 100000 sends on an IPI
 * port with events enabled deliver at least one and at most 100000
 * upcalls; 100000 more with the port masked deliver none and leave it
 * pending; with upcalls masked and events pending the guest then makes
 * 1000 hypercalls (the hypervisor must not spin trying to deliver);
 * unmasking then delivers the waiting event exactly once.
 */
#include <string.h>

#include "abi/errno.h"
#include "abi/event-channel.h"
#include "abi/memory.h"
#include "abi/version.h"
#include "gk/bad.h"
#include "gk/boot.h"
#include "gk/events.h"
#include "gk/hypercall.h"
#include "gk/test.h"

GK_TEST_INFO("hostile-evtchn-storm", "a storm of sends with events enabled, then masked, then stalled with events pending: the hypervisor stays responsive and delivers nothing while masked");

#define STORM 100000

int main(void)
{
    unsigned int before;
    long port;

    if (!gk_shared_info)
        test_error("shared_info is not mapped");
    check_rc(gk_events_init(), 0, "register the event callback");
    port = gk_evtchn_bind_ipi(0);
    if (port < 0)
        test_error("bind_ipi: %ld", port);

    gk_local_irq_enable();
    for (unsigned int i = 0; i < STORM; i++)
        if (gk_evtchn_send((evtchn_port_t)port))
            test_fail("send %u failed", i);
    check(gk_evtchn_hits((evtchn_port_t)port) >= 1, "some deliveries");
    check(gk_evtchn_hits((evtchn_port_t)port) <= STORM, "no extra ones");

    before = gk_evtchn_hits((evtchn_port_t)port);
    gk_evtchn_mask((evtchn_port_t)port);
    for (unsigned int i = 0; i < STORM; i++)
        gk_evtchn_send((evtchn_port_t)port);
    check_eq(gk_evtchn_hits((evtchn_port_t)port), before,
             "deliveries while the port is masked");
    check(gk_evtchn_is_pending((evtchn_port_t)port), "left pending");

    gk_local_irq_disable();
    check_rc(gk_evtchn_unmask((evtchn_port_t)port), 0, "unmask the port");
    check_eq(gk_vcpu_info->evtchn_upcall_pending, 1, "upcall flag up");
    for (unsigned int i = 0; i < 1000; i++)
        HYPERVISOR_xen_version(XENVER_version, NULL);
    check_eq(gk_evtchn_hits((evtchn_port_t)port), before,
             "deliveries while upcalls are masked");
    gk_local_irq_enable();
    check_eq(gk_evtchn_hits((evtchn_port_t)port), before + 1,
             "the waiting event, exactly once");
    check_eq(gk_nr_upcalls_while_masked, 0, "upcalls into masked code");
    gk_local_irq_disable();
    return 0;
}
