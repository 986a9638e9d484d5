/* SPDX-License-Identifier: MIT */
/*
 * Pins GNTTABOP_setup_table (docs/abi.md, ### 20): count must be 1
 * (-EINVAL); the table grows to nr_frames and never shrinks; the MFNs
 * written to frame_list are the domain's and it maps them read-write;
 * more than max_nr_frames (64) is GNTST_general_error, an unknown domain
 * GNTST_bad_domain, the caller's own domid works like DOMID_SELF, and
 * nr_frames 0 is fine.
 */
#include "abi/errno.h"
#include "abi/grant-table.h"
#include "abi/memory.h"
#include "gk/hypercall.h"
#include "gk/mm.h"
#include "gk/test.h"

GK_TEST_INFO("gnttab-setup-table", "setup_table grows the table and returns RW-mappable MFNs");

static uint64_t list[70];

static int16_t setup(uint16_t dom, uint32_t nr, long want_rc)
{
    struct gnttab_setup_table op = { .dom = dom, .nr_frames = nr,
                                     .status = 99,
                                     .frame_list = (uint64_t)list };

    check_rc(HYPERVISOR_grant_table_op(GNTTABOP_setup_table, &op, 1),
             want_rc, "setup_table rc");
    return op.status;
}

static uint32_t nr_frames(void)
{
    struct gnttab_query_size q = { .dom = DOMID_SELF };

    if (HYPERVISOR_grant_table_op(GNTTABOP_query_size, &q, 1) || q.status)
        test_error("query_size failed");
    return q.nr_frames;
}

int main(void)
{
    struct gnttab_setup_table op = { .dom = DOMID_SELF, .nr_frames = 1,
                                     .frame_list = (uint64_t)list };
    uint64_t first[4];

    check_eq(setup(DOMID_SELF, 4, 0), GNTST_okay, "4 frames");
    for (int i = 0; i < 4; i++)
        first[i] = list[i];
    check_eq(nr_frames(), 4, "query_size after growing to 4");
    for (int i = 0; i < 4; i++) {
        volatile uint64_t *p;

        for (int j = 0; j < i; j++)
            check(first[i] != first[j], "frames %d and %d differ", i, j);
        p = gk_mm_map_or_die(20 + i, first[i], GK_PT_DATA);
        p[511] = 0x1234 + i;
        check_eq(p[511], 0x1234 + i, "write to a mapped grant frame");
        p[511] = 0;
        check_rc(gk_mm_unmap(20 + i), 0, "unmap grant frame");
    }
    check_eq(setup(DOMID_SELF, 2, 0), GNTST_okay, "2 frames (no shrink)");
    check_eq(list[0], first[0], "frame 0 again");
    check_eq(list[1], first[1], "frame 1 again");
    check_eq(nr_frames(), 4, "the table did not shrink");
    check_eq(setup(DOMID_SELF, 0, 0), GNTST_okay, "0 frames");
    check_eq(setup(0, 1, 0), GNTST_okay, "own domid");
    check_eq(list[0], first[0], "own domid names the same table");
    check_eq(setup(33, 1, 0), GNTST_bad_domain, "no domain 33");
    check_eq(setup(DOMID_SELF, 65, 0), GNTST_general_error, "65 frames");
    check_eq(nr_frames(), 4, "65 frames changed nothing");
    check_eq(setup(DOMID_SELF, 64, 0), GNTST_okay, "64 frames");
    check_eq(nr_frames(), 64, "64 frames");
    check_rc(HYPERVISOR_grant_table_op(GNTTABOP_setup_table, &op, 2),
             -XEN_EINVAL, "count 2");
    check_rc(HYPERVISOR_grant_table_op(GNTTABOP_setup_table, &op, 0),
             -XEN_EINVAL, "count 0");
    check_rc(HYPERVISOR_grant_table_op(GNTTABOP_setup_table,
                                       (void *)0x7f0000000000UL, 1),
             -XEN_EFAULT, "unmapped op");
    return 0;
}
