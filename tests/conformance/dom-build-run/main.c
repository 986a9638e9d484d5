/* SPDX-License-Identifier: MIT */
/*
 * Pins the life of a domU built by dom0 with the toolstack's builder:
 * createdomain leaves it paused and it does not run while paused; after
 * unpausedomain it reaches main() and finds its boot image as reference
 * §2.2-2.4 say (start_info fields, P2M/M2P, xenstore and console pages,
 * read-only tables, registers); its SCHEDOP_shutdown(poweroff) raises
 * VIRQ_DOM_EXC in dom0 and getdomaininfo shows XEN_DOMINF_shutdown with
 * reason 0; destroydomain then gives back every frame (free_pages as
 * before createdomain). Prints the time each step took: create+build,
 * unpause to the domU's main(), destroy to frames back.
 */
#include <format.h>

#include "abi/errno.h"
#include "abi/sched.h"
#include "gk/control.h"
#include "gk/events.h"
#include "gk/test.h"
#include "gk/time.h"
#include "../dom-lib/dom0.h"

GK_TEST_INFO("dom-build-run", "build, boot, shut down and destroy a domU");

#define NR_PAGES 1024

int main(void)
{
    struct xen_domctl_getdomaininfo info;
    struct dom_run r;
    unsigned int reason = ~0U;
    uint64_t t_unpause, t_destroy, t_freed;
    long before = gk_free_pages(), after;
    char cmd[32];

    snformat(cmd, sizeof(cmd), "hello %u", NR_PAGES);
    dom_start(&r, NR_PAGES, cmd);
    check_rc(gk_domain_info(r.d.id, &info), 0, "getdomaininfo");
    check(info.flags & XEN_DOMINF_paused, "built domain not paused (%#x)",
          info.flags);
    check_eq(info.tot_pages, NR_PAGES, "tot_pages after building");
    check(!dom_wait_line(&r, "main", 50), "the domU ran while paused");

    gk_evtchn_clear(dom_exc_port());
    t_unpause = gk_system_time();
    dom_unpause(&r);
    check(dom_wait_line(&r, "main", 5000), "the domU never reached main");
    check(dom_wait_shutdown(&r, 5000, &reason), "the domU did not shut "
          "down");
    check_eq(reason, SHUTDOWN_poweroff, "shutdown reason");
    check(gk_evtchn_is_pending(dom_exc_port()), "VIRQ_DOM_EXC not raised");
    dom_check_reports(&r, 15);

    t_destroy = gk_system_time();
    dom_stop(&r);
    check_rc(gk_domain_info(r.d.id, &info), -XEN_ESRCH,
             "getdomaininfo after destroy");
    after = dom_free_pages_settled(before);
    t_freed = gk_system_time();
    check_eq(after, before, "free pages after destroy");
    gk_printf("timing (%s): create+build %lu us, unpause to main %lu us, "
              "destroy to frames back %lu us\n", gk_hv_name(),
              (r.t_built - r.t_start) / 1000,
              r.t_main > t_unpause ? (r.t_main - t_unpause) / 1000 : 0,
              (t_freed - t_destroy) / 1000);
    return 0;
}
