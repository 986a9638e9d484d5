/* SPDX-License-Identifier: MIT */
/*
 * Pins interdomain event channels between dom0 and a domU: the domU's
 * console port (alloc_unbound in the domU for dom0, then
 * bind_interdomain in dom0) carries 100 round trips; each send on one
 * end makes the other end pending and wakes its SCHEDOP_poll.
 */
#include "abi/sched.h"
#include "gk/events.h"
#include "gk/hypercall.h"
#include "gk/test.h"
#include "gk/time.h"
#include "../dom-lib/dom0.h"

GK_TEST_INFO("dom-evtchn-ping", "100 event round trips with a domU");

#define ROUNDS 100

int main(void)
{
    struct dom_run r;
    unsigned int got = 0;
    uint64_t t0;

    dom_start(&r, 1024, "ping 100");
    dom_unpause(&r);
    check(dom_wait_line(&r, "main", 5000), "the domU never reached main");
    gk_evtchn_clear(r.con_local);
    t0 = gk_system_time();
    for (unsigned int i = 0; i < ROUNDS; i++) {
        uint64_t end = gk_system_time() + 1000000000ULL;

        check_rc(gk_evtchn_send(r.con_local), 0, "send");
        while (!gk_evtchn_is_pending(r.con_local) && gk_system_time() < end)
            gk_poll_port(r.con_local, end);
        if (!gk_evtchn_is_pending(r.con_local))
            break;
        gk_evtchn_clear(r.con_local);
        got++;
    }
    check_eq(got, ROUNDS, "round trips");
    gk_printf("%u round trips in %lu us\n", got,
              (gk_system_time() - t0) / 1000);
    check(dom_wait_shutdown(&r, 5000, NULL), "the domU did not finish");
    dom_check_reports(&r, 0);
    dom_stop(&r);
    return 0;
}
