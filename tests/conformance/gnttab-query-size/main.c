/* SPDX-License-Identifier: MIT */
/*
 * Pins GNTTABOP_query_size (docs/abi.md, ### 20): count must be 1
 * (-EINVAL), an unreadable op is -EFAULT; for the caller (DOMID_SELF or
 * its own domid) nr_frames is 1..max and max_nr_frames is 64 (the
 * default); an unknown domain gives GNTST_bad_domain with the call
 * itself returning 0.
 */
#include "abi/errno.h"
#include "abi/grant-table.h"
#include "abi/memory.h"
#include "gk/hypercall.h"
#include "gk/test.h"

GK_TEST_INFO("gnttab-query-size", "query_size of the caller and of a missing domain");

int main(void)
{
    struct gnttab_query_size q = { .dom = DOMID_SELF, .status = 99 };
    struct gnttab_query_size q0 = { .dom = 0, .status = 99 };

    check_rc(HYPERVISOR_grant_table_op(GNTTABOP_query_size, &q, 1), 0,
             "query_size self");
    check_eq(q.status, GNTST_okay, "status");
    check(q.nr_frames >= 1 && q.nr_frames <= q.max_nr_frames,
          "nr_frames %u in 1..%u", q.nr_frames, q.max_nr_frames);
    check_eq(q.max_nr_frames, 64, "max_nr_frames");
    check_rc(HYPERVISOR_grant_table_op(GNTTABOP_query_size, &q0, 1), 0,
             "query_size own domid");
    check_eq(q0.status, GNTST_okay, "status own domid");
    check_eq(q0.nr_frames, q.nr_frames, "own domid: same table");

    q = (struct gnttab_query_size){ .dom = 33, .status = 99 };
    check_rc(HYPERVISOR_grant_table_op(GNTTABOP_query_size, &q, 1), 0,
             "query_size d33");
    check_eq(q.status, GNTST_bad_domain, "status d33");
    q.dom = DOMID_SELF;
    check_rc(HYPERVISOR_grant_table_op(GNTTABOP_query_size, &q, 0),
             -XEN_EINVAL, "count 0");
    check_rc(HYPERVISOR_grant_table_op(GNTTABOP_query_size, &q, 2),
             -XEN_EINVAL, "count 2");
    check_rc(HYPERVISOR_grant_table_op(GNTTABOP_query_size,
                                       (void *)0x7f0000000000UL, 1),
             -XEN_EFAULT, "unmapped op");
    check_rc(HYPERVISOR_grant_table_op(GNTTABOP_query_size,
                                       (void *)0x800000000000UL, 1),
             -XEN_EFAULT, "non-canonical op");
    return 0;
}
