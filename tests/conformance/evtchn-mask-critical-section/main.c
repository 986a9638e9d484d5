/* SPDX-License-Identifier: MIT */
/*
 * Pins the upcall mask as a critical section: with events disabled,
 * three sends and other hypercalls deliver nothing; enabling them (plus
 * one hypercall, as guests do on "sti" with the upcall flag up) delivers
 * the event exactly once. A port masked in shared_info records sends
 * without an upcall even with events enabled; EVTCHNOP_unmask then
 * delivers it exactly once before it returns.
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

GK_TEST_INFO("evtchn-mask-critical-section", "an event raised while upcalls are masked arrives exactly once after unmask; a masked port delivers once after EVTCHNOP_unmask");

static volatile unsigned int calls;

static void on_event(evtchn_port_t port, void *data)
{
    (void)port;
    (void)data;
    calls++;
}

int main(void)
{
    long port;

    if (!gk_shared_info)
        test_error("shared_info is not mapped");
    check_rc(gk_events_init(), 0, "register the event callback");
    port = gk_evtchn_bind_ipi(0);
    if (port < 0)
        test_error("bind_ipi: %ld", port);
    gk_evtchn_set_handler((evtchn_port_t)port, on_event, NULL);

    gk_local_irq_disable();
    for (int i = 0; i < 3; i++)
        check_rc(gk_evtchn_send((evtchn_port_t)port), 0, "send masked");
    HYPERVISOR_xen_version(0, NULL);
    HYPERVISOR_sched_op(0 /* yield */, NULL);
    check_eq(calls, 0, "deliveries while masked");
    check_eq(gk_vcpu_info->evtchn_upcall_pending, 1, "upcall flag waits");
    gk_local_irq_enable();
    check_eq(calls, 1, "deliveries after unmasking");
    HYPERVISOR_xen_version(0, NULL);
    check_eq(calls, 1, "no second delivery");

    gk_evtchn_mask((evtchn_port_t)port);
    check_rc(gk_evtchn_send((evtchn_port_t)port), 0, "send to masked port");
    check_rc(gk_evtchn_send((evtchn_port_t)port), 0, "and again");
    check_eq(calls, 1, "masked port: no delivery");
    check(gk_evtchn_is_pending((evtchn_port_t)port), "but pending");
    check_rc(gk_evtchn_unmask((evtchn_port_t)port), 0, "EVTCHNOP_unmask");
    check_eq(calls, 2, "delivered once by the unmask");
    HYPERVISOR_xen_version(0, NULL);
    check_eq(calls, 2, "exactly once");
    check_eq(gk_nr_upcalls_while_masked, 0, "upcalls into masked code");
    gk_local_irq_disable();
    return 0;
}
