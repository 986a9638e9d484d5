/* SPDX-License-Identifier: MIT */
/*
 * Pins EVTCHNOP_status: for each state only status, vcpu and that
 * state's union member are written (closed/ipi: none; unbound: u16 dom;
 * interdomain: u16 dom and u32 port; virq: u32), every other byte comes
 * back as sent; port 0 is closed; ports are valid in blocks of 64 that
 * appear as allocation reaches them (63 closed but 64 -EINVAL at first,
 * 127 closed and 128 -EINVAL once port 64 was handed out); DOMID_XEN,
 * DOMID_IO, DOMID_IDLE and absent domains are -ESRCH; an unreadable
 * argument is -EFAULT.
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

GK_TEST_INFO("evtchn-status", "status writes only status, vcpu and the union member of the port's state; ports are valid in blocks of 64; foreign ids are -ESRCH");

static struct evtchn_status st;

static long status(uint16_t dom, evtchn_port_t port)
{
    memset(&st, 0xAA, sizeof(st));
    return gk_evtchn_status(dom, port, &st);
}

/* Bytes [from, 24) of st must still hold the sentinel. */
static void check_untouched(unsigned int from, const char *what)
{
    const uint8_t *b = (const uint8_t *)&st;

    for (unsigned int i = from; i < sizeof(st); i++)
        if (b[i] != 0xAA)
            gk_check_failed(__FILE__, __LINE__, "%s: byte %u written", what,
                            i);
}

int main(void)
{
    long u, r, l, virq, ipi;

    u = gk_evtchn_alloc_unbound(1000);
    r = gk_evtchn_alloc_unbound(DOMID_SELF);
    l = gk_evtchn_bind_interdomain(DOMID_SELF, (evtchn_port_t)r);
    virq = gk_evtchn_bind_virq(VIRQ_CON_RING, 0);
    ipi = gk_evtchn_bind_ipi(0);
    if (u < 0 || r < 0 || l < 0 || virq < 0 || ipi < 0)
        test_error("could not set up the ports");

    check_rc(status(DOMID_SELF, 0), 0, "port 0");
    check_eq(st.status, EVTCHNSTAT_closed, "port 0 state");
    check_eq(st.vcpu, 0, "port 0 vcpu");
    check_untouched(16, "port 0");

    check_rc(status(DOMID_SELF, (evtchn_port_t)u), 0, "unbound");
    check_eq(st.status, EVTCHNSTAT_unbound, "unbound state");
    check_eq(st.u.unbound.dom, 1000, "unbound dom");
    check_untouched(18, "unbound");

    check_rc(status(0, (evtchn_port_t)l), 0, "interdomain");
    check_eq(st.status, EVTCHNSTAT_interdomain, "interdomain state");
    check_eq(st.u.interdomain.dom, 0, "interdomain dom");
    check_eq(st.u.interdomain.port, r, "interdomain port");
    check_eq(((uint8_t *)&st)[18], 0xAA, "padding after interdomain dom");
    check_eq(((uint8_t *)&st)[19], 0xAA, "padding after interdomain dom");

    check_rc(status(DOMID_SELF, (evtchn_port_t)virq), 0, "virq");
    check_eq(st.status, EVTCHNSTAT_virq, "virq state");
    check_eq(st.u.virq, VIRQ_CON_RING, "virq number");
    check_untouched(20, "virq");

    check_rc(status(DOMID_SELF, (evtchn_port_t)ipi), 0, "ipi");
    check_eq(st.status, EVTCHNSTAT_ipi, "ipi state");
    check_untouched(16, "ipi");

    check_rc(status(DOMID_SELF, 63), 0, "port 63 (first block)");
    check_eq(st.status, EVTCHNSTAT_closed, "port 63 state");
    check_untouched(16, "port 63");
    check_rc(status(DOMID_SELF, 64), -XEN_EINVAL, "port 64 (no block yet)");
    check_eq(st.status, 0xAAAAAAAA, "nothing written on -EINVAL");
    for (long p = ipi + 1; p <= 64; p++)
        if (gk_evtchn_alloc_unbound(DOMID_SELF) != p)
            test_error("could not allocate port %ld", p);
    check_rc(status(DOMID_SELF, 127), 0, "port 127 (second block)");
    check_eq(st.status, EVTCHNSTAT_closed, "port 127 state");
    check_rc(status(DOMID_SELF, 128), -XEN_EINVAL, "port 128");
    check_rc(status(DOMID_SELF, 4095), -XEN_EINVAL, "port 4095");
    check_rc(status(DOMID_SELF, 4096), -XEN_EINVAL, "port 4096");
    check_rc(status(DOMID_SELF, 0xFFFFFFFF), -XEN_EINVAL, "port ~0");

    check_rc(status(1, 1), -XEN_ESRCH, "domain 1");
    check_rc(status(DOMID_XEN, 1), -XEN_ESRCH, "DOMID_XEN");
    check_rc(status(DOMID_IO, 1), -XEN_ESRCH, "DOMID_IO");
    check_rc(status(DOMID_IDLE, 1), -XEN_ESRCH, "DOMID_IDLE");
    check_rc(HYPERVISOR_event_channel_op(EVTCHNOP_status,
                                         (void *)GK_BAD_UNMAPPED),
             -XEN_EFAULT, "unmapped argument");
    return 0;
}
