/* SPDX-License-Identifier: MIT */
/*
 * EV-POLL-ALL (XSA-221): SCHEDOP_poll with one port and a timeout
 * already past, for every port 0..4100 and some huge ones, with ports
 * 1..3 bound: a port not in use (port 0, free ones, ones beyond the
 * valid blocks) is -EINVAL, a bound port returns 0 (pending or timed
 * out). Nothing a poll names can crash the hypervisor.
 */
#include <string.h>

#include "abi/errno.h"
#include "abi/event-channel.h"
#include "abi/memory.h"
#include "abi/sched.h"
#include "gk/bad.h"
#include "gk/boot.h"
#include "gk/events.h"
#include "gk/hypercall.h"
#include "gk/test.h"

GK_TEST_INFO("hostile-evtchn-poll-all", "SCHEDOP_poll of every port number 0..4100, allocated or not, returns -EINVAL for ports not in use and 0 for bound ones, never crashes");

static long poll1(evtchn_port_t port)
{
    struct sched_poll sp = { .nr_ports = 1, .timeout = 1 };

    sp.ports = (uint64_t)&port;
    return HYPERVISOR_sched_op(SCHEDOP_poll, &sp);
}

int main(void)
{
    static const evtchn_port_t huge[] = { 65535, 0x80000000U, 0xFFFFFFFFU };
    long ipi;

    if (gk_evtchn_alloc_unbound(DOMID_SELF) != 1 ||
        gk_evtchn_bind_virq(VIRQ_DEBUG, 0) != 2)
        test_error("could not set up ports 1 and 2");
    ipi = gk_evtchn_bind_ipi(0);
    gk_evtchn_send((evtchn_port_t)ipi);

    for (evtchn_port_t p = 0; p <= 4100; p++) {
        long want = (p >= 1 && p <= 3) ? 0 : -XEN_EINVAL;

        check_rc(poll1(p), want, "poll of one port");
    }
    for (unsigned int i = 0; i < 3; i++)
        check_rc(poll1(huge[i]), -XEN_EINVAL, "poll of a huge port");
    check(gk_evtchn_is_pending((evtchn_port_t)ipi), "the ipi is still pending");
    return 0;
}
