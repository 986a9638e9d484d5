/* SPDX-License-Identifier: MIT */
/*
 * Invariant: a grant entry lets only the domain it names use the frame
 * (hostile-guests.md: "uses a grant it was not given"). A grants its page
 * to dom0 and nothing to B. B tries that ref with every map kind
 * (read-write, read-only, device) and both copy directions, the reserved
 * refs 0-7 and unfilled entries of A's table: every one is
 * GNTST_general_error, nothing is mapped, A's page keeps its bytes, and
 * dom0, the grantee, still maps it.
 */
#include "abi/grant-table.h"
#include "gk/grant.h"
#include "gk/mm.h"
#include "gk/test.h"
#include "../dom-lib/dom0.h"

GK_TEST_INFO("hostile-dom-grant-unshared", "no use of another's grant");

int main(void)
{
    struct gnttab_map_grant_ref m = { .host_addr = gk_mm_slot_va(21),
                                      .flags = GNTMAP_host_map };
    struct gnttab_unmap_grant_ref u = { .host_addr = gk_mm_slot_va(21) };
    static const unsigned int kinds[] = {
        GNTMAP_host_map, GNTMAP_host_map | GNTMAP_readonly,
        GNTMAP_device_map, GNTMAP_device_map | GNTMAP_readonly,
        GNTMAP_host_map | GNTMAP_device_map,
    };
    struct dom_run a, b;
    unsigned int ref;
    const char *s;

    dom_start(&a, 4096, "grant");
    dom_start(&b, 4096, "grant");
    dom_unpause(&a);
    dom_unpause(&b);
    check(dom_wait_line(&a, "main", 5000), "A never reached main");
    check(dom_wait_line(&b, "main", 5000), "B never reached main");
    s = dom_do(&a, "offer 0 0");
    ref = dom_arg(&s);

    for (unsigned int i = 0; i < sizeof(kinds) / sizeof(kinds[0]); i++)
        dom_do(&b, "map %u %u %u %d", a.d.id, ref, kinds[i],
               GNTST_general_error);
    dom_do(&b, "copy %u %u 0 4096 %d", a.d.id, ref, GNTST_general_error);
    dom_do(&b, "copyin %u %u 0 4096 %d", a.d.id, ref, GNTST_general_error);
    for (unsigned int r = 0; r < GNTTAB_NR_RESERVED_ENTRIES; r++)
        dom_do(&b, "map %u %u 2 %d", a.d.id, r, GNTST_general_error);
    for (unsigned int r = ref + 1; r < 512; r += 101) {
        dom_do(&b, "map %u %u 2 %d", a.d.id, r, GNTST_general_error);
        dom_do(&b, "copy %u %u 0 8 %d", a.d.id, r, GNTST_general_error);
    }
    dom_do(&a, "expect 0 0 4096 0x5a");

    m.dom = a.d.id;
    m.ref = ref;
    check_rc(gk_grant_map(&m), 0, "dom0 map rc");
    check_eq(m.status, GNTST_okay, "dom0, the grantee, maps it");
    check_eq(*(volatile uint8_t *)m.host_addr, 0x5a, "A's byte via dom0");
    u.handle = m.handle;
    check_rc(gk_grant_unmap(&u), 0, "dom0 unmap rc");
    check_eq(u.status, GNTST_okay, "dom0 unmaps it");
    dom_do(&a, "revoke %u 0", ref);

    dom_do(&a, "end");
    dom_do(&b, "end");
    check(dom_wait_shutdown(&a, 5000, NULL), "A did not finish");
    check(dom_wait_shutdown(&b, 5000, NULL), "B did not finish");
    dom_check_reports(&a, 3);
    dom_check_reports(&b, 25);
    dom_stop(&b);
    dom_stop(&a);
    return 0;
}
