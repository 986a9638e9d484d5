/* SPDX-License-Identifier: MIT */
/*
 * Invariant: an unprivileged domain cannot use the privileged interface
 * nor reach another domain's memory or events. The domU (dom-lib/
 * domu-hostile.c) tries every domctl it can name with an old interface
 * version (-EACCES, checked first) and the right one (-EPERM), sysctl
 * likewise, console_io read, memory_op for dom0 (nothing done: dom0's
 * page count and frame stay), remote_shutdown of
 * dom0, dom0's event channels, and one of dom0's frames and its L4
 * through update_va_mapping(_otherdomain), mmu_update (as its own, with
 * dom0 as foreign domain, writing into it, MACHPHYS_UPDATE), pins,
 * NEW_BASEPTR, COPY_PAGE and CLEAR_PAGE: all refused. dom0 checks that
 * the frame's bytes are intact and that it still runs.
 */
#include <format.h>
#include <string.h>

#include "abi/sched.h"
#include "gk/control.h"
#include "gk/mm.h"
#include "gk/test.h"
#include "../dom-lib/dom0.h"

GK_TEST_INFO("hostile-dom-privileged", "a domU gets no privilege");

static uint8_t victim[4096] __attribute__((aligned(4096)));

int main(void)
{
    struct xen_domctl_getdomaininfo d0_before, d0_after;
    struct dom_run r;
    unsigned int reason = ~0U;
    char cmd[64];

    for (unsigned int i = 0; i < sizeof(victim); i++)
        victim[i] = (uint8_t)(i * 7 + 1);
    snformat(cmd, sizeof(cmd), "hostile %#lx %#lx",
             gk_mm_va_to_mfn((uint64_t)victim), gk_mm_l4_mfn());
    dom_start(&r, 1024, cmd);
    check_rc(gk_domain_info(0, &d0_before), 0, "getdomaininfo d0");
    dom_unpause(&r);
    check(dom_wait_shutdown(&r, 10000, &reason), "the domU did not finish");
    check_eq(reason, SHUTDOWN_poweroff, "the domU's shutdown reason");
    dom_check_reports(&r, 40);
    check_rc(gk_domain_info(0, &d0_after), 0, "getdomaininfo d0");
    check_eq(d0_after.tot_pages, d0_before.tot_pages, "d0's pages");
    for (unsigned int i = 0; i < sizeof(victim); i++)
        if (victim[i] != (uint8_t)(i * 7 + 1)) {
            check(0, "dom0's frame changed at byte %u", i);
            break;
        }
    dom_stop(&r);
    return 0;
}
