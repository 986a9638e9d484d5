/* SPDX-License-Identifier: MIT */
/*
 * Pins GNTTABOP_copy within one domain (docs/abi.md, ### 20): a domain
 * may copy through its own grants (ref -> frame, frame -> ref, ref ->
 * ref, overlapping within one page) and between its own frames named
 * with DOMID_SELF; len 0 and len 4096 are fine; GTF_reading/GTF_writing
 * are clear again afterwards. A read-only grant can be a source, not a
 * destination (GNTST_general_error); a page-table frame can be read, not
 * written (GNTST_general_error).
 */
#include "abi/errno.h"
#include "abi/grant-table.h"
#include "abi/memory.h"
#include "gk/grant.h"
#include "gk/hypercall.h"
#include "gk/mm.h"
#include "gk/test.h"

GK_TEST_INFO("gnttab-copy-self", "grant copy through own grants and frames");

static int16_t copy(bool sg, uint64_t s, uint16_t sd, uint16_t so, bool dg,
                    uint64_t d, uint16_t dd, uint16_t dof, uint16_t len)
{
    struct gnttab_copy op;

    gk_grant_copy_op(&op, sg, s, sd, so, dg, d, dd, dof, len);
    check_rc(gk_grant_copy(&op), 0, "copy rc");
    return op.status;
}

int main(void)
{
    uint64_t a = gk_mm_alloc(), b = gk_mm_alloc(), l4 = gk_mm_l4_mfn();
    volatile struct grant_entry_v1 *gt;
    volatile uint8_t *pa, *pb;
    long ra, rb, rro, rl4;
    bool same = true;

    if (gk_grant_init(1))
        test_error("setting up the grant table");
    gt = gk_grant_table();
    pa = gk_mm_map_or_die(20, a, GK_PT_DATA);
    pb = gk_mm_map_or_die(21, b, GK_PT_DATA);
    for (int i = 0; i < 4096; i++)
        pa[i] = (uint8_t)(i * 7 + 1);
    ra = gk_grant_access(0, a, false);
    rb = gk_grant_access(0, b, false);
    rro = gk_grant_access(0, b, true);
    rl4 = gk_grant_access(0, l4, false);
    if (ra < 0 || rb < 0 || rro < 0 || rl4 < 0)
        test_error("granting frames");

    check_eq(copy(true, ra, DOMID_SELF, 0, false, b, DOMID_SELF, 0, 4096),
             GNTST_okay, "ref -> frame, 4096 bytes");
    for (int i = 0; i < 4096; i++)
        same &= pb[i] == pa[i];
    check(same, "ref -> frame copied the page");
    check_eq(copy(false, a, DOMID_SELF, 100, true, rb, 0, 200, 16),
             GNTST_okay, "frame -> ref (own domid)");
    check_eq(pb[200], pa[100], "frame -> ref data");
    check_eq(pb[215], pa[115], "frame -> ref data end");
    pb[3000] = 0xEE;
    check_eq(copy(true, ra, 0, 4095, true, rb, 0, 3000, 1), GNTST_okay,
             "ref -> ref, last byte");
    check_eq(pb[3000], pa[4095], "ref -> ref data");
    check_eq(copy(false, a, DOMID_SELF, 0, false, a, DOMID_SELF, 1, 64),
             GNTST_okay, "overlapping copy within one frame");
    check_eq(copy(true, ra, 0, 0, true, ra, 0, 8, 8), GNTST_okay,
             "one ref as source and destination");
    check_eq(copy(false, a, DOMID_SELF, 0, false, b, DOMID_SELF, 0, 0),
             GNTST_okay, "len 0");
    check_eq(copy(false, a, DOMID_SELF, 4096, false, b, DOMID_SELF, 0, 0),
             GNTST_okay, "offset 4096, len 0");
    check_eq(gt[ra].flags, GTF_permit_access, "source flags restored");
    check_eq(gt[rb].flags, GTF_permit_access, "destination flags restored");

    check_eq(copy(true, rro, 0, 0, false, a, DOMID_SELF, 0, 16),
             GNTST_okay, "read-only grant as source");
    check_eq(copy(false, a, DOMID_SELF, 0, true, rro, 0, 0, 16),
             GNTST_general_error, "read-only grant as destination");
    check_eq(gt[rro].flags, GTF_permit_access | GTF_readonly,
             "read-only grant flags restored");
    check_eq(copy(false, l4, DOMID_SELF, 0, false, b, DOMID_SELF, 0, 16),
             GNTST_okay, "L4 frame as source");
    check_eq(copy(false, a, DOMID_SELF, 0, false, l4, DOMID_SELF, 0, 16),
             GNTST_general_error, "L4 frame as destination");
    check_eq(copy(false, a, DOMID_SELF, 0, true, rl4, 0, 0, 16),
             GNTST_general_error, "granted L4 frame as destination");
    check_eq(gt[rl4].flags, GTF_permit_access, "L4 grant flags restored");
    check_eq(copy(false, gk_grant_frame_mfn(0), DOMID_SELF, 0, false, b,
                  DOMID_SELF, 0, 8), GNTST_okay, "grant frame as source");

    check_rc(gk_grant_end_access(ra), 0, "end access a");
    check_rc(gk_grant_end_access(rb), 0, "end access b");
    return 0;
}
