/* SPDX-License-Identifier: MIT */
/*
 * Pins fair sharing between domains: two CPU-bound domUs created alike
 * (default weight, one vCPU each) on one physical CPU get the same CPU
 * time within 10 % over 2 s, as getdomaininfo's cpu_time (ns) shows.
 * dom0 sleeps in SCHEDOP_poll meanwhile. Setting other weights needs
 * XEN_DOMCTL_scheduler_op, which this test does not use.
 */
#include "gk/control.h"
#include "gk/test.h"
#include "gk/time.h"
#include "../dom-lib/dom0.h"

GK_TEST_INFO("dom-sched-weights", "equal domUs get equal CPU");

static uint64_t cpu_time(struct dom_run *r)
{
    struct xen_domctl_getdomaininfo info;

    if (gk_domain_info(r->d.id, &info))
        test_error("getdomaininfo d%u failed", r->d.id);
    return info.cpu_time;
}

int main(void)
{
    struct dom_run a, b;
    uint64_t a0, b0, a1, b1, da, db, big, small;

    dom_start(&a, 1024, "count");
    dom_start(&b, 1024, "count");
    dom_unpause(&a);
    dom_unpause(&b);
    check(dom_wait_line(&a, "main", 5000), "first domU: no main");
    check(dom_wait_line(&b, "main", 5000), "second domU: no main");
    a0 = cpu_time(&a);
    b0 = cpu_time(&b);
    dom_wait_line(&a, "never", 2000);
    a1 = cpu_time(&a);
    b1 = cpu_time(&b);
    da = a1 - a0;
    db = b1 - b0;
    big = da > db ? da : db;
    small = da > db ? db : da;
    gk_printf("cpu time over 2 s: d%u %lu ms (counter %lu), d%u %lu ms "
              "(counter %lu)\n", a.d.id, da / 1000000,
              *dom_ring_counter(a.ring), b.d.id, db / 1000000,
              *dom_ring_counter(b.ring));
    check(small > 0, "a domU got no CPU at all");
    check(big - small <= big / 10, "shares differ by more than 10 %%: %lu "
          "vs %lu ns", da, db);
    check(da + db > 1000000000ULL, "the two got only %lu ms of 2 s",
          (da + db) / 1000000);
    dom_stop(&a);
    dom_stop(&b);
    return 0;
}
