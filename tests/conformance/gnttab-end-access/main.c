/* SPDX-License-Identifier: MIT */
/*
 * Pins the revocation protocol of version 1 grants (docs/abi.md, ### 20):
 * the granter takes a grant back by a compare-and-exchange of flags to 0
 * that must fail while the hypervisor has GTF_reading or GTF_writing set
 * (the grantee has it mapped); after unmap it succeeds, and a map of the
 * revoked entry then fails with GNTST_general_error.
 */
#include "abi/errno.h"
#include "abi/grant-table.h"
#include "abi/memory.h"
#include "gk/grant.h"
#include "gk/hypercall.h"
#include "gk/mm.h"
#include "gk/test.h"

GK_TEST_INFO("gnttab-end-access", "a mapped grant cannot be taken back");

int main(void)
{
    uint64_t a = gk_mm_alloc(), va = gk_mm_slot_va(22);
    struct gnttab_map_grant_ref m;
    struct gnttab_unmap_grant_ref u;
    long ref;

    if (gk_grant_init(1))
        test_error("setting up the grant table");
    for (int ro = 0; ro < 2; ro++) {
        ref = gk_grant_access(0, a, ro);
        if (ref < 0)
            test_error("granting a frame");
        m = (struct gnttab_map_grant_ref){
            .host_addr = va, .ref = ref, .dom = 0,
            .flags = GNTMAP_host_map | (ro ? GNTMAP_readonly : 0) };
        check_rc(gk_grant_map(&m), 0, "map");
        check_eq(m.status, GNTST_okay, "map status");
        check_rc(gk_grant_end_access(ref), -XEN_EBUSY,
                 "end access while mapped");
        check(gk_grant_table()[ref].flags & GTF_permit_access,
              "entry still valid");
        u = (struct gnttab_unmap_grant_ref){ .host_addr = va,
                                             .handle = m.handle };
        check_rc(gk_grant_unmap(&u), 0, "unmap");
        check_eq(u.status, GNTST_okay, "unmap status");
        check_rc(gk_grant_end_access(ref), 0, "end access after unmap");
        check_eq(gk_grant_table()[ref].flags, 0, "entry invalid");
        m.status = 99;
        check_rc(gk_grant_map(&m), 0, "map of the revoked entry");
        check_eq(m.status, GNTST_general_error, "revoked entry status");
    }
    return 0;
}
