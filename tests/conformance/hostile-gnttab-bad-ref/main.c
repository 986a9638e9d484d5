/* SPDX-License-Identifier: MIT */
/*
 * Invariant: a grant reference is checked against the size of the
 * granter's table before anything is looked up (hostile-guests.md test
 * 29). Refs equal to the number of entries, in frames the table may grow
 * to but has not, and at 2^31 and 2^32 - 1 get GNTST_bad_gntref for
 * map (host and device) and copy (source and destination); growing the
 * table makes the same ref valid.
 */
#include "abi/errno.h"
#include "abi/grant-table.h"
#include "abi/memory.h"
#include "gk/grant.h"
#include "gk/hypercall.h"
#include "gk/mm.h"
#include "gk/test.h"

GK_TEST_INFO("hostile-gnttab-bad-ref", "refs beyond the table are bad_gntref");

static int16_t map(uint32_t flags, uint32_t ref)
{
    struct gnttab_map_grant_ref m = { .host_addr = gk_mm_slot_va(22),
                                      .flags = flags, .ref = ref, .dom = 0,
                                      .status = 99 };

    check_rc(gk_grant_map(&m), 0, "map rc");
    return m.status;
}

static int16_t copy(bool src_ref, uint32_t ref, uint64_t frame)
{
    struct gnttab_copy op;

    if (src_ref)
        gk_grant_copy_op(&op, true, ref, 0, 0, false, frame, DOMID_SELF, 0,
                         8);
    else
        gk_grant_copy_op(&op, false, frame, DOMID_SELF, 0, true, ref, 0, 0,
                         8);
    check_rc(gk_grant_copy(&op), 0, "copy rc");
    return op.status;
}

int main(void)
{
    static const uint32_t refs[] = { 1024, 1025, 1535, 4096, 32767, 32768,
                                     0x7fffffffU, 0x80000000U, 0xfffffffeU,
                                     0xffffffffU };
    uint64_t a = gk_mm_alloc();
    struct gnttab_query_size q = { .dom = DOMID_SELF };

    if (gk_grant_init(2))
        test_error("setting up the grant table");
    if (HYPERVISOR_grant_table_op(GNTTABOP_query_size, &q, 1) ||
        q.nr_frames != 2)
        test_error("the table does not have 2 frames");
    for (unsigned int i = 0; i < sizeof(refs) / sizeof(refs[0]); i++) {
        check_eq(map(GNTMAP_host_map, refs[i]), GNTST_bad_gntref,
                 "host map");
        check_eq(map(GNTMAP_device_map | GNTMAP_readonly, refs[i]),
                 GNTST_bad_gntref, "device map");
        check_eq(copy(true, refs[i], a), GNTST_bad_gntref, "copy source");
        check_eq(copy(false, refs[i], a), GNTST_bad_gntref, "copy dest");
    }
    /* The last ref in range is an (invalid) entry, not out of range. */
    check_eq(map(GNTMAP_host_map, 1023), GNTST_general_error, "ref 1023");
    if (gk_grant_init(3))
        test_error("growing the table");
    check_eq(map(GNTMAP_host_map, 1024), GNTST_general_error,
             "ref 1024 after growing");
    return 0;
}
