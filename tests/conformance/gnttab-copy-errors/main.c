/* SPDX-License-Identifier: MIT */
/*
 * Pins the statuses of GNTTABOP_copy (docs/abi.md, ### 20): offset + len
 * beyond 4096 on either side is GNTST_bad_copy_arg (len 0xffff too); a
 * side named by frame needs domid DOMID_SELF (even the caller's own
 * number is GNTST_permission_denied); an unknown domain is
 * GNTST_bad_domain (before the permission check); a ref beyond the table
 * GNTST_bad_gntref; an entry not granting us (other domain, invalid or
 * transfer type) GNTST_general_error; a frame that is not RAM
 * GNTST_bad_page. The call itself returns 0; the pages stay untouched.
 */
#include "abi/errno.h"
#include "abi/grant-table.h"
#include "abi/memory.h"
#include "gk/grant.h"
#include "gk/hypercall.h"
#include "gk/mm.h"
#include "gk/test.h"

GK_TEST_INFO("gnttab-copy-errors", "grant copy error statuses");

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
    uint64_t a = gk_mm_alloc(), b = gk_mm_alloc();
    const uint16_t S = DOMID_SELF;
    volatile struct grant_entry_v1 *gt;
    volatile uint8_t *pb;
    long ra, rother, rbad;
    bool untouched = true;

    if (gk_grant_init(1))
        test_error("setting up the grant table");
    gt = gk_grant_table();
    pb = gk_mm_map_or_die(21, b, GK_PT_DATA);
    ra = gk_grant_access(0, a, false);
    rother = gk_grant_access(5, a, false);
    rbad = gk_grant_access(0, 0x7ffffffUL, false);
    if (ra < 0 || rother < 0 || rbad < 0)
        test_error("granting frames");
    for (int i = 0; i < 4096; i++)
        pb[i] = 0x5A;

    check_eq(copy(false, a, S, 4095, false, b, S, 0, 2), GNTST_bad_copy_arg,
             "source offset 4095 len 2");
    check_eq(copy(false, a, S, 0, false, b, S, 4095, 2), GNTST_bad_copy_arg,
             "dest offset 4095 len 2");
    check_eq(copy(false, a, S, 0, false, b, S, 0, 0xffff),
             GNTST_bad_copy_arg, "len 0xffff");
    check_eq(copy(false, a, S, 5000, false, b, S, 0, 0), GNTST_bad_copy_arg,
             "offset 5000 len 0");
    check_eq(copy(true, ra, 0, 4000, false, b, S, 0, 200),
             GNTST_bad_copy_arg, "granted source offset 4000 len 200");
    check_eq(copy(false, a, 0, 0, false, b, S, 0, 16),
             GNTST_permission_denied, "source frame with own domid");
    check_eq(copy(false, a, S, 0, false, b, 0, 0, 16),
             GNTST_permission_denied, "dest frame with own domid");
    check_eq(copy(false, a, 33, 0, false, b, S, 0, 16), GNTST_bad_domain,
             "source frame of d33");
    check_eq(copy(true, 8, 33, 0, false, b, S, 0, 16), GNTST_bad_domain,
             "source ref of d33");
    check_eq(copy(false, a, S, 0, true, 8, 33, 0, 16), GNTST_bad_domain,
             "dest ref of d33");
    check_eq(copy(true, 512, 0, 0, false, b, S, 0, 16), GNTST_bad_gntref,
             "source ref 512 (one frame)");
    check_eq(copy(false, a, S, 0, true, 0xffffffffUL, 0, 0, 16),
             GNTST_bad_gntref, "dest ref 0xffffffff");
    check_eq(copy(true, rother, 0, 0, false, b, S, 0, 16),
             GNTST_general_error, "entry granting d5");
    check_eq(copy(true, 3, 0, 0, false, b, S, 0, 16), GNTST_general_error,
             "invalid (unused) entry");
    gt[4].domid = 0;
    gt[4].frame = (uint32_t)a;
    gt[4].flags = GTF_accept_transfer;
    check_eq(copy(true, 4, 0, 0, false, b, S, 0, 16), GNTST_general_error,
             "accept_transfer entry");
    gt[4].flags = 0;
    check_eq(copy(true, rbad, 0, 0, false, b, S, 0, 16), GNTST_bad_page,
             "granted frame not RAM");
    check_eq(copy(false, a, S, 0, false, 0x7fffffffUL, S, 0, 16),
             GNTST_bad_page, "dest frame not RAM");
    for (int i = 0; i < 4096; i++)
        untouched &= pb[i] == 0x5A;
    check(untouched, "failed copies left the destination alone");
    check_eq(gt[rother].flags, GTF_permit_access, "d5 entry unchanged");
    check_eq(gt[ra].flags, GTF_permit_access, "own entry unchanged");
    return 0;
}
