/* SPDX-License-Identifier: MIT */
/*
 * Pins a domU's SCHEDOP_shutdown as dom0 sees it: for reasons poweroff
 * (0), reboot (1) and crash (3), VIRQ_DOM_EXC becomes pending in dom0 and
 * getdomaininfo shows XEN_DOMINF_shutdown with the reason in bits 16-23;
 * the domain exists (not dying) until dom0 destroys it.
 */
#include <format.h>

#include "abi/errno.h"
#include "abi/sched.h"
#include "gk/control.h"
#include "gk/events.h"
#include "gk/test.h"
#include "../dom-lib/dom0.h"

GK_TEST_INFO("dom-shutdown-reasons", "shutdown reasons reach dom0");

int main(void)
{
    static const unsigned int reasons[] = { SHUTDOWN_poweroff,
                                            SHUTDOWN_reboot,
                                            SHUTDOWN_crash };

    for (unsigned int i = 0; i < 3; i++) {
        struct xen_domctl_getdomaininfo info;
        unsigned int got = ~0U;
        struct dom_run r;
        char cmd[32];

        snformat(cmd, sizeof(cmd), "shutdown %u", reasons[i]);
        dom_start(&r, 1024, cmd);
        gk_evtchn_clear(dom_exc_port());
        dom_unpause(&r);
        check(dom_wait_shutdown(&r, 5000, &got), "reason %u: no shutdown",
              reasons[i]);
        check_eq(got, reasons[i], "shutdown reason");
        check(gk_evtchn_is_pending(dom_exc_port()),
              "reason %u: VIRQ_DOM_EXC not raised", reasons[i]);
        check_rc(gk_domain_info(r.d.id, &info), 0, "getdomaininfo");
        check(!(info.flags & XEN_DOMINF_dying), "flags %#x: dying before "
              "destroy", info.flags);
        dom_stop(&r);
    }
    return 0;
}
