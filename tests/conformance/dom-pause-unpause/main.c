/* SPDX-License-Identifier: MIT */
/*
 * Pins pausedomain/unpausedomain on a running domU: the domU bumps a
 * counter in its console page as fast as it can; while paused
 * (getdomaininfo shows XEN_DOMINF_paused) the counter stays put, after
 * unpause it moves again; unpausing a domain that is not paused is
 * -EINVAL on both hypervisors.
 */
#include "abi/errno.h"
#include "gk/control.h"
#include "gk/test.h"
#include "gk/time.h"
#include "../dom-lib/dom0.h"

GK_TEST_INFO("dom-pause-unpause", "a paused domU does not run");

/* The counter after letting the domU have the CPU for ~ms. */
static uint64_t counter_after(struct dom_run *r, unsigned int ms)
{
    dom_wait_line(r, "never", ms);
    return *dom_ring_counter(r->ring);
}

int main(void)
{
    struct xen_domctl_getdomaininfo info;
    struct dom_run r;
    uint64_t a, b;

    dom_start(&r, 1024, "count");
    dom_unpause(&r);
    check(dom_wait_line(&r, "main", 5000), "the domU never reached main");
    a = counter_after(&r, 50);
    b = counter_after(&r, 50);
    check(b > a, "counter does not move while running (%lu, %lu)", a, b);

    check_rc(gk_domain_pause(r.d.id), 0, "pausedomain");
    check_rc(gk_domain_info(r.d.id, &info), 0, "getdomaininfo");
    check(info.flags & XEN_DOMINF_paused, "flags %#x lack paused",
          info.flags);
    a = counter_after(&r, 10);
    b = counter_after(&r, 100);
    check_eq(b, a, "counter while paused");

    check_rc(gk_domain_unpause(r.d.id), 0, "unpausedomain");
    check_rc(gk_domain_info(r.d.id, &info), 0, "getdomaininfo");
    check(!(info.flags & XEN_DOMINF_paused), "flags %#x still paused",
          info.flags);
    b = counter_after(&r, 100);
    check(b > a, "counter did not move after unpause (%lu)", b);
    check_rc(gk_domain_unpause(r.d.id), -XEN_EINVAL,
             "unpause of a running domain");
    dom_stop(&r);
    return 0;
}
