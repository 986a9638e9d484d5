/* SPDX-License-Identifier: MIT */
/*
 * Pins SCHEDOP_remote_shutdown {domid, reason} from dom0: a running domU
 * stops with that reason (getdomaininfo XEN_DOMINF_shutdown, reason
 * bits) and VIRQ_DOM_EXC is raised; once destroyed, the domain id is
 * -ESRCH.
 */
#include "abi/errno.h"
#include "abi/sched.h"
#include "gk/control.h"
#include "gk/events.h"
#include "gk/hypercall.h"
#include "gk/test.h"
#include "../dom-lib/dom0.h"

GK_TEST_INFO("dom-remote-shutdown", "dom0 shuts a domU down");

int main(void)
{
    struct sched_remote_shutdown rs = { .reason = SHUTDOWN_reboot };
    unsigned int got = ~0U;
    struct dom_run r;

    dom_start(&r, 1024, "count");
    dom_unpause(&r);
    check(dom_wait_line(&r, "main", 5000), "the domU never reached main");
    gk_evtchn_clear(dom_exc_port());
    rs.domain_id = r.d.id;
    check_rc(HYPERVISOR_sched_op(SCHEDOP_remote_shutdown, &rs), 0,
             "remote_shutdown");
    check(dom_wait_shutdown(&r, 2000, &got), "domU still running");
    check_eq(got, SHUTDOWN_reboot, "shutdown reason");
    check(gk_evtchn_is_pending(dom_exc_port()), "VIRQ_DOM_EXC not raised");
    dom_stop(&r);
    rs.domain_id = r.d.id;
    check_rc(HYPERVISOR_sched_op(SCHEDOP_remote_shutdown, &rs), -XEN_ESRCH,
             "remote_shutdown of a destroyed domain");
    return 0;
}
