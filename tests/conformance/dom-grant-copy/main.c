/* SPDX-License-Identifier: MIT */
/*
 * Pins GNTTABOP_copy between domains (docs/abi.md, ### 20): dom0 copies
 * from a frame of its own (DOMID_SELF) into a domU's page granted to
 * it, and back out of the grant into its frame, moving exactly len bytes
 * at the offsets named; a second domU copies into and out of a page
 * granted to it, and from a read-only grant; after the copies the
 * granter's entry carries no GTF_reading/GTF_writing, so it can be
 * revoked at once.
 */
#include <string.h>

#include "abi/grant-table.h"
#include "abi/memory.h"
#include "gk/grant.h"
#include "gk/mm.h"
#include "gk/test.h"
#include "../dom-lib/dom0.h"

GK_TEST_INFO("dom-grant-copy", "GNTTABOP_copy between domains");

static uint16_t copy(bool to_grant, uint64_t mfn, unsigned int dom,
                     unsigned int ref, uint16_t off, uint16_t len)
{
    struct gnttab_copy c;

    if (to_grant)
        gk_grant_copy_op(&c, false, mfn, DOMID_SELF, off, true, ref, dom,
                         off, len);
    else
        gk_grant_copy_op(&c, true, ref, dom, off, false, mfn, DOMID_SELF,
                         off, len);
    check_rc(gk_grant_copy(&c), 0, "copy rc");
    return (uint16_t)c.status;
}

int main(void)
{
    uint64_t mfn = gk_mm_alloc();
    uint8_t *p = gk_mm_map_or_die(20, mfn, GK_PT_DATA);
    unsigned int r0, rb, rro;
    struct dom_run a, b;
    const char *s;
    int bad = -1;

    dom_start(&a, 4096, "grant");
    dom_start(&b, 4096, "grant");
    dom_unpause(&a);
    dom_unpause(&b);
    check(dom_wait_line(&a, "main", 5000), "A never reached main");
    check(dom_wait_line(&b, "main", 5000), "B never reached main");
    s = dom_do(&a, "offer 0 0");
    r0 = dom_arg(&s);
    s = dom_do(&a, "offer %u 0", b.d.id);
    rb = dom_arg(&s);
    s = dom_do(&a, "offer %u 1", b.d.id);
    rro = dom_arg(&s);

    /* dom0 <-> A */
    memset(p, 0x11, 4096);
    check_eq(copy(true, mfn, a.d.id, r0, 100, 200), GNTST_okay,
             "dom0 frame -> A's grant");
    dom_do(&a, "expect 0 0 100 0x5a");
    dom_do(&a, "expect 0 100 200 0x11");
    dom_do(&a, "expect 0 300 3796 0x5a");
    memset(p, 0, 4096);
    check_eq(copy(false, mfn, a.d.id, r0, 0, 4096), GNTST_okay,
             "A's grant -> dom0 frame");
    for (int i = 0; i < 4096 && bad < 0; i++)
        if (p[i] != (i >= 100 && i < 300 ? 0x11 : 0x5a))
            bad = i;
    check(bad < 0, "dom0's frame after copying A's page: byte %d is %#x",
          bad, bad < 0 ? 0 : p[bad]);
    check_eq(copy(true, mfn, a.d.id, r0, 0, 0), GNTST_okay, "len 0");
    dom_do(&a, "revoke %u 0", r0);

    /* B <-> A */
    dom_do(&b, "copy %u %u 1000 500 %d", a.d.id, rb, GNTST_okay);
    dom_do(&a, "expect 0 1000 500 0xc3");
    dom_do(&a, "expect 0 1500 100 0x5a");
    dom_do(&b, "copyin %u %u 2000 16 %d", a.d.id, rb, GNTST_okay);
    dom_do(&b, "expect 2 2000 16 0x5a");
    dom_do(&b, "expect 2 2016 16 0xc3");
    dom_do(&b, "copyin %u %u 1000 8 %d", a.d.id, rro, GNTST_okay);
    dom_do(&b, "expect 2 1000 8 0xc3");
    dom_do(&a, "revoke %u 0", rb);
    dom_do(&a, "revoke %u 0", rro);
    dom_do(&b, "copy %u %u 0 8 %d", a.d.id, rb, GNTST_general_error);

    dom_do(&a, "end");
    dom_do(&b, "end");
    check(dom_wait_shutdown(&a, 5000, NULL), "A did not finish");
    check(dom_wait_shutdown(&b, 5000, NULL), "B did not finish");
    dom_check_reports(&a, 5);
    dom_check_reports(&b, 5);
    dom_stop(&b);
    dom_stop(&a);
    return 0;
}
