/* SPDX-License-Identifier: MIT */
/*
 * Pins fair sharing between domains: two CPU-bound domUs created alike
 * (default weight, one vCPU each) on one physical CPU get the same CPU
 * time within 10 % over 2 s, as getdomaininfo's cpu_time (ns) shows; after
 * XEN_DOMCTL_scheduler_op gives the first weight 512 and the second 256,
 * the first gets about twice the CPU (1.6-2.4 times) over the next 2 s.
 * dom0 sleeps in SCHEDOP_poll meanwhile.
 */
#include <string.h>

#include "gk/control.h"
#include "gk/test.h"
#include "gk/time.h"
#include "../dom-lib/dom0.h"

GK_TEST_INFO("dom-sched-weights", "CPU shares follow domain weights");

static void set_weight(struct dom_run *r, uint16_t weight)
{
    struct xen_sysctl sop;
    struct xen_domctl op;

    memset(&sop, 0, sizeof(sop));
    sop.cmd = XEN_SYSCTL_sched_id;
    if (gk_sysctl(&sop))
        test_error("sysctl sched_id failed");
    memset(&op, 0, sizeof(op));
    op.cmd = XEN_DOMCTL_scheduler_op;
    op.domain = r->d.id;
    op.u.scheduler_op.sched_id = sop.u.sched_id.sched_id;
    op.u.scheduler_op.cmd = XEN_DOMCTL_SCHEDOP_putinfo;
    op.u.scheduler_op.u.credit2.weight = weight;
    check_rc(gk_domctl(&op), 0, "scheduler_op putinfo");
}

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

    set_weight(&a, 512);
    set_weight(&b, 256);
    a0 = cpu_time(&a);
    b0 = cpu_time(&b);
    dom_wait_line(&a, "never", 2000);
    da = cpu_time(&a) - a0;
    db = cpu_time(&b) - b0;
    gk_printf("with weights 512:256 over 2 s: d%u %lu ms, d%u %lu ms\n",
              a.d.id, da / 1000000, b.d.id, db / 1000000);
    check(db > 0 && da * 10 >= db * 16 && da * 10 <= db * 24,
          "weights 512:256 gave %lu vs %lu ns", da, db);
    dom_stop(&a);
    dom_stop(&b);
    return 0;
}
