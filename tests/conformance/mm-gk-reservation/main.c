/* SPDX-License-Identifier: MIT */
/*
 * Pins memory_op's reservation calls as a balloon uses them, through
 * gk/reservation.h: XENMEM_decrease_reservation of 100 free frames
 * (order 0, MFNs in extent_start) returns 100 and lowers
 * XENMEM_current_reservation by 100; XENMEM_populate_physmap of those
 * PFNs returns 100, writes back MFNs whose M2P entries name the PFNs,
 * raises the reservation back, and the frames map and hold data. A
 * hypervisor without the calls would answer -ENOSYS and change nothing,
 * which the API passes on; both hv and Xen 4.17 implement them.
 */
#include "gk/boot.h"
#include "gk/page-alloc.h"
#include "gk/pagetable.h"
#include "gk/reservation.h"
#include "gk/test.h"
#include "gk/vm.h"

GK_TEST_INFO("mm-gk-reservation", "shrink and grow the reservation");

#define NR 100

int main(void)
{
    struct gk_page_stats before, shrunk, after;
    long cur0, cur1, cur2, rc;
    char *p;

    cur0 = gk_reservation_current();
    check(cur0 > 0, "current_reservation: %ld", cur0);
    check(gk_reservation_max() >= cur0, "maximum below current");
    gk_page_get_stats(&before);

    rc = gk_reservation_shrink(NR);
    if (rc == -38)
        test_fail("decrease_reservation: -ENOSYS");
    check_eq(rc, NR, "pages given back");
    cur1 = gk_reservation_current();
    gk_page_get_stats(&shrunk);
    check_eq(cur0 - cur1, NR, "reservation drop");
    check_eq(before.nr_free - shrunk.nr_free, NR, "free frames drop");
    check_eq(gk_reservation_nr_given_back(), NR, "PFNs given back");
    check_eq(shrunk.nr_in_use, before.nr_in_use, "frames in use");

    rc = gk_reservation_grow(NR);
    check_eq(rc, NR, "pages taken back");
    cur2 = gk_reservation_current();
    gk_page_get_stats(&after);
    check_eq(cur2, cur0, "reservation after growing");
    check_eq(after.nr_free, before.nr_free, "free frames after growing");
    check_eq(gk_reservation_nr_given_back(), 0, "PFNs still given back");
    for (uint64_t pfn = after.boot_end_pfn; pfn < gk_start_info->nr_pages;
         pfn++) {
        uint64_t mfn = gk_pfn_to_mfn(pfn);

        if (mfn == ~0UL || gk_m2p[mfn] != pfn) {
            check(0, "PFN %#lx: MFN %#lx, M2P says %#lx", pfn, mfn,
                  mfn == ~0UL ? 0 : gk_m2p[mfn]);
            break;
        }
    }
    gk_printf("reservation %ld -> %ld -> %ld pages\n", cur0, cur1, cur2);

    /* The refilled frames are ordinary memory: use them all. */
    p = gk_vm_alloc(after.nr_free - 64, 0);
    check(p != NULL, "mapping every free frame");
    if (p) {
        for (size_t i = 0; i < after.nr_free - 64; i++)
            p[i * 4096] = (char)i;
        for (size_t i = 0; i < after.nr_free - 64; i++)
            if (p[i * 4096] != (char)i) {
                check(0, "page %zu lost its byte", i);
                break;
            }
        gk_vm_free(p, after.nr_free - 64, 0);
    }
    return 0;
}
