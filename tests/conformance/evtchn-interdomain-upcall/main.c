/* SPDX-License-Identifier: MIT */
/*
 * Pins delivery across an interdomain pair (a domain bound to itself,
 * upcalls enabled): the bind raises the new port at once; a send on
 * either end is delivered once on the other; after one end closes, a
 * send on the survivor (now unbound) delivers nothing.
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

GK_TEST_INFO("evtchn-interdomain-upcall", "on a self-connected pair, each send is delivered as an upcall on the other end exactly once; after a close, sends are dropped");

int main(void)
{
    long r, l;

    if (!gk_shared_info)
        test_error("shared_info is not mapped");
    check_rc(gk_events_init(), 0, "register the event callback");
    r = gk_evtchn_alloc_unbound(DOMID_SELF);
    if (r < 0)
        test_error("alloc_unbound: %ld", r);

    gk_local_irq_enable();
    l = gk_evtchn_bind_interdomain(DOMID_SELF, (evtchn_port_t)r);
    if (l < 0)
        test_error("bind_interdomain: %ld", l);
    check_eq(gk_evtchn_hits((evtchn_port_t)l), 1, "the bind raised l");
    check_rc(gk_evtchn_send((evtchn_port_t)l), 0, "send on l");
    check_eq(gk_evtchn_hits((evtchn_port_t)r), 1, "delivered on r");
    check_eq(gk_evtchn_hits((evtchn_port_t)l), 1, "not on l");
    check_rc(gk_evtchn_send((evtchn_port_t)r), 0, "send on r");
    check_eq(gk_evtchn_hits((evtchn_port_t)l), 2, "delivered on l");
    for (int i = 0; i < 10; i++)
        gk_evtchn_send((evtchn_port_t)l);
    check_eq(gk_evtchn_hits((evtchn_port_t)r), 11, "ten more on r");

    check_rc(gk_evtchn_close((evtchn_port_t)l), 0, "close l");
    check_rc(gk_evtchn_send((evtchn_port_t)r), 0, "send on r, now unbound");
    check_eq(gk_evtchn_hits((evtchn_port_t)l), 2, "nothing on l");
    check_eq(gk_evtchn_hits((evtchn_port_t)r), 11, "nothing on r");
    check_eq(gk_nr_upcalls_while_masked, 0, "upcalls into masked code");
    gk_local_irq_disable();
    return 0;
}
