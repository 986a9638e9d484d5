/* SPDX-License-Identifier: MIT */
/*
 * Pins upcall delivery: with the upcall mask clear, EVTCHNOP_send on an
 * IPI port bound to vCPU 0 enters the registered event callback before
 * the hypercall returns to the next instruction's caller, exactly once,
 * with evtchn_upcall_mask set to 1 inside the callback and the saved
 * mask (CS bits 32-39) 0; the iret hypercall at its end restores the
 * mask to 0. The port's pending bit is left for the guest to clear.
 */
#include "abi/errno.h"
#include "gk/boot.h"
#include "gk/events.h"
#include "gk/test.h"

GK_TEST_INFO("evtchn-upcall", "event delivery to the event callback");

static volatile unsigned int calls;
static volatile unsigned int mask_inside;

static void on_ipi(evtchn_port_t port, void *data)
{
    (void)port;
    (void)data;
    calls++;
    mask_inside = gk_vcpu_info->evtchn_upcall_mask;
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
    gk_evtchn_set_handler((evtchn_port_t)port, on_ipi, NULL);

    gk_local_irq_enable();
    check_rc(gk_evtchn_send((evtchn_port_t)port), 0, "send on the ipi port");
    check_eq(calls, 1, "handler calls after one send");
    check_eq(mask_inside, 1, "upcall mask inside the callback");
    check_eq(gk_vcpu_info->evtchn_upcall_mask, 0, "upcall mask after return");
    check_eq(gk_nr_upcalls_while_masked, 0, "upcalls into masked code");
    check(!gk_evtchn_is_pending((evtchn_port_t)port),
          "the upcall took the event (pending bit clear)");

    check_rc(gk_evtchn_send((evtchn_port_t)port), 0, "second send");
    check_eq(calls, 2, "handler calls after two sends");
    check_eq(gk_evtchn_hits((evtchn_port_t)port), 2, "events taken");
    gk_local_irq_disable();
    return 0;
}
