/* SPDX-License-Identifier: MIT */
/*
 * Pins the statuses of grant ops between domains that gnttab-map-errors
 * and gnttab-copy-errors (a domain's own grants) cannot show (docs/abi.md,
 * ### 20). A grants B a page read-write (r1) and read-only (r2) and dom0
 * a page (r3). B mapping r3, naming the wrong granter (dom0 or itself)
 * for r1, an entry A never filled, or r1 after A revoked it: all
 * GNTST_general_error; a writable map of r2 too, while a read-only one
 * works and its writes fault. dom0, privileged, is no grantee of r1:
 * map and copy are GNTST_general_error. B copying into r2 is
 * GNTST_general_error, beyond the page GNTST_bad_copy_arg. A's page is
 * untouched by all of it.
 */
#include "abi/grant-table.h"
#include "abi/memory.h"
#include "gk/grant.h"
#include "gk/mm.h"
#include "gk/test.h"
#include "../dom-lib/dom0.h"

GK_TEST_INFO("dom-grant-errors", "grant ops between domains refused");

int main(void)
{
    uint64_t mfn = gk_mm_alloc();
    unsigned int r1, r2, r3;
    struct gnttab_map_grant_ref m = { .host_addr = gk_mm_slot_va(21),
                                      .flags = GNTMAP_host_map };
    struct gnttab_copy c;
    struct dom_run a, b;
    const char *s;

    dom_start(&a, 4096, "grant");
    dom_start(&b, 4096, "grant");
    dom_unpause(&a);
    dom_unpause(&b);
    check(dom_wait_line(&a, "main", 5000), "A never reached main");
    check(dom_wait_line(&b, "main", 5000), "B never reached main");
    s = dom_do(&a, "offer %u 0", b.d.id);
    r1 = dom_arg(&s);
    s = dom_do(&a, "offer %u 1", b.d.id);
    r2 = dom_arg(&s);
    s = dom_do(&a, "offer 0 0");
    r3 = dom_arg(&s);

    dom_do(&b, "map %u %u 2 %d", a.d.id, r3, GNTST_general_error);
    dom_do(&b, "map 0 %u 2 %d", r1, GNTST_general_error);
    dom_do(&b, "map %u %u 2 %d", b.d.id, r1, GNTST_general_error);
    dom_do(&b, "map %u %u 2 %d", a.d.id, r3 + 1, GNTST_general_error);
    dom_do(&b, "map %u 0 2 %d", a.d.id, GNTST_general_error);
    dom_do(&b, "map %u %u 2 %d", a.d.id, r2, GNTST_general_error);
    dom_do(&b, "map %u %u 3 %d", a.d.id, r2, GNTST_general_error);
    dom_do(&b, "map %u %u 6 %d", a.d.id, r2, GNTST_okay);
    dom_do(&b, "write 0x77 0");
    dom_do(&b, "unmap %d", GNTST_okay);

    m.dom = a.d.id;
    m.ref = r1;
    check_rc(gk_grant_map(&m), 0, "dom0 map rc");
    check_eq(m.status, GNTST_general_error, "dom0 maps A's grant to B");
    gk_grant_copy_op(&c, true, r1, a.d.id, 0, false, mfn, DOMID_SELF, 0, 8);
    check_rc(gk_grant_copy(&c), 0, "dom0 copy rc");
    check_eq(c.status, GNTST_general_error, "dom0 copies A's grant to B");
    gk_grant_copy_op(&c, false, mfn, DOMID_SELF, 0, true, r1, a.d.id, 0, 8);
    check_rc(gk_grant_copy(&c), 0, "dom0 copy rc");
    check_eq(c.status, GNTST_general_error, "dom0 copies into A's grant "
             "to B");

    dom_do(&b, "copy %u %u 0 8 %d", a.d.id, r2, GNTST_general_error);
    dom_do(&b, "copy %u %u 4000 200 %d", a.d.id, r1, GNTST_bad_copy_arg);
    dom_do(&b, "copyin %u %u 4095 2 %d", a.d.id, r1, GNTST_bad_copy_arg);
    dom_do(&b, "copy %u %u 0 4097 %d", a.d.id, r1, GNTST_bad_copy_arg);
    dom_do(&a, "revoke %u 0", r1);
    dom_do(&b, "map %u %u 2 %d", a.d.id, r1, GNTST_general_error);
    dom_do(&b, "copy %u %u 0 8 %d", a.d.id, r1, GNTST_general_error);
    dom_do(&a, "expect 0 0 4096 0x5a");

    dom_do(&a, "end");
    dom_do(&b, "end");
    check(dom_wait_shutdown(&a, 5000, NULL), "A did not finish");
    check(dom_wait_shutdown(&b, 5000, NULL), "B did not finish");
    dom_check_reports(&a, 4);
    dom_check_reports(&b, 15);
    dom_stop(&b);
    dom_stop(&a);
    return 0;
}
