/* SPDX-License-Identifier: MIT */
/*
 * Pins the weight interface toolstacks use: XEN_SYSCTL_sched_id names a
 * scheduler with the credit-style parameters (credit or credit2); through
 * XEN_DOMCTL_scheduler_op a new domain's weight reads as 256, a put of
 * 512 reads back 512, a put of weight 0 leaves it at 512, and an op
 * naming another scheduler is -EINVAL.
 */
#include <string.h>

#include "abi/errno.h"
#include "gk/control.h"
#include "gk/test.h"

GK_TEST_INFO("dom-sched-weight", "scheduler weights through domctl");

static long sched_op(uint16_t dom, uint32_t id, uint32_t cmd,
                     uint16_t weight, uint16_t *out)
{
    struct xen_domctl op;
    long rc;

    memset(&op, 0, sizeof(op));
    op.cmd = XEN_DOMCTL_scheduler_op;
    op.domain = dom;
    op.u.scheduler_op.sched_id = id;
    op.u.scheduler_op.cmd = cmd;
    op.u.scheduler_op.u.credit2.weight = weight;
    rc = gk_domctl(&op);
    if (out)
        *out = op.u.scheduler_op.u.credit2.weight;
    return rc;
}

int main(void)
{
    struct xen_sysctl sop;
    uint16_t w = 0;
    uint32_t id;
    long dom;

    memset(&sop, 0, sizeof(sop));
    sop.cmd = XEN_SYSCTL_sched_id;
    check_rc(gk_sysctl(&sop), 0, "sched_id");
    id = sop.u.sched_id.sched_id;
    gk_printf("scheduler %u\n", id);
    if (id != XEN_SCHEDULER_CREDIT && id != XEN_SCHEDULER_CREDIT2)
        test_skip("scheduler %u has no credit-style weights", id);

    dom = gk_domain_create(1);
    if (dom <= 0)
        test_error("createdomain: %ld", dom);
    check_rc(gk_domain_max_vcpus(dom, 1), 0, "max_vcpus");
    check_rc(sched_op(dom, id, XEN_DOMCTL_SCHEDOP_getinfo, 0, &w), 0,
             "getinfo");
    check_eq(w, 256, "default weight");
    check_rc(sched_op(dom, id, XEN_DOMCTL_SCHEDOP_putinfo, 512, NULL), 0,
             "putinfo 512");
    check_rc(sched_op(dom, id, XEN_DOMCTL_SCHEDOP_getinfo, 0, &w), 0,
             "getinfo");
    check_eq(w, 512, "weight after putinfo");
    check_rc(sched_op(dom, id, XEN_DOMCTL_SCHEDOP_putinfo, 0, NULL), 0,
             "putinfo 0");
    check_rc(sched_op(dom, id, XEN_DOMCTL_SCHEDOP_getinfo, 0, &w), 0,
             "getinfo");
    check_eq(w, 512, "weight after putinfo 0");
    check_rc(sched_op(dom, XEN_SCHEDULER_RTDS, XEN_DOMCTL_SCHEDOP_getinfo, 0,
                      &w), -XEN_EINVAL, "another scheduler's id");
    check_rc(gk_domain_destroy(dom), 0, "destroydomain");
    return 0;
}
