/* SPDX-License-Identifier: MIT */
/*
 * Pins frame accounting over domU lifetimes: 100 cycles of createdomain,
 * building a domU (populate_physmap, foreign mappings, L4 pin,
 * setvcpucontext) and destroydomain leave XEN_SYSCTL_physinfo.free_pages
 * where it was; every tenth cycle also boots the domU to main() and lets
 * it shut down first. For those, prints what each step cost (the note's
 * numbers): create+build, unpause to the domU's main(), destroy until
 * the machine's free frames are back (Xen frees a dead domain's last
 * frames a little later, so that is polled).
 */
#include "abi/errno.h"
#include "gk/control.h"
#include "gk/test.h"
#include "gk/time.h"
#include "../dom-lib/dom0.h"

GK_TEST_INFO("dom-build-cycles", "100 build/destroy cycles, frames back");

#define CYCLES 100
#define NR_PAGES 1024

int main(void)
{
    uint64_t sum_build = 0, sum_main = 0, sum_destroy = 0, n_boot = 0;
    long before, after;

    dom_exc_port();
    before = gk_free_pages();
    for (unsigned int i = 0; i < CYCLES; i++) {
        bool boot = i % 10 == 0;
        uint64_t t_unpause, t_destroy;
        struct dom_run r;

        dom_start(&r, NR_PAGES, "shutdown 0");
        sum_build += boot ? r.t_built - r.t_start : 0;
        if (boot) {
            t_unpause = gk_system_time();
            dom_unpause(&r);
            check(dom_wait_line(&r, "main", 5000), "cycle %u: no main", i);
            check(dom_wait_shutdown(&r, 5000, NULL), "cycle %u: no "
                  "shutdown", i);
            sum_main += r.t_main - t_unpause;
        }
        t_destroy = gk_system_time();
        dom_stop(&r);
        if (boot) {
            after = dom_free_pages_settled(before);
            sum_destroy += gk_system_time() - t_destroy;
            n_boot++;
            check_eq(after, before, "free pages after a booted cycle");
        }
        if (gk_nr_check_failures())
            break;
    }
    after = dom_free_pages_settled(before);
    gk_printf("free pages before %ld after %ld\n", before, after);
    check_eq(after, before, "free pages after 100 cycles");
    if (n_boot)
        gk_printf("timing (%s, %u-page domU, mean of %lu): create+build "
                  "%lu us, unpause to main %lu us, destroy to frames back "
                  "%lu us\n", gk_hv_name(), NR_PAGES, n_boot,
                  sum_build / n_boot / 1000, sum_main / n_boot / 1000,
                  sum_destroy / n_boot / 1000);
    return 0;
}
