/* SPDX-License-Identifier: MIT */
/*
 * Invariant: the frame behind a grant mapping stays the grantee's to use
 * until it unmaps (hostile-guests.md: "keeps a mapping of a page its
 * grantor revoked"). B maps A's page read-write; A's revocation (the
 * compare-and-exchange of flags to 0) fails while it is mapped, and
 * after an unmap succeeds. B maps it again and A is destroyed: B's
 * mapping still reads and writes the same frame, which the machine does
 * not get back (free_pages stays below its level before A); once B is
 * destroyed too, every frame of both is free.
 */
#include "abi/grant-table.h"
#include "gk/control.h"
#include "gk/test.h"
#include "../dom-lib/dom0.h"

GK_TEST_INFO("hostile-dom-grant-revoke", "a mapped grant outlives revoke");

int main(void)
{
    struct dom_run a, b;
    unsigned int ref, port, a_id;
    long before, before_a, held, after;
    const char *s;

    dom_exc_port();
    before = gk_free_pages();
    dom_start(&b, 4096, "grant");
    dom_unpause(&b);
    check(dom_wait_line(&b, "main", 5000), "B never reached main");
    before_a = gk_free_pages();
    dom_start(&a, 4096, "grant");
    dom_unpause(&a);
    check(dom_wait_line(&a, "main", 5000), "A never reached main");
    a_id = a.d.id;
    s = dom_do(&a, "offer %u 0", b.d.id);
    ref = dom_arg(&s);
    s = dom_do(&a, "unbound %u", b.d.id);
    port = dom_arg(&s);
    dom_do(&b, "bind %u %u", a_id, port);

    dom_do(&b, "map %u %u 2 %d", a_id, ref, GNTST_okay);
    dom_do(&a, "revoke %u -16", ref);
    dom_do(&b, "write 0x77 1");
    dom_do(&a, "wait");
    dom_do(&a, "expect 0 0 4096 0x77");
    dom_do(&a, "revoke %u -16", ref);
    dom_do(&b, "unmap %d", GNTST_okay);
    dom_do(&a, "revoke %u 0", ref);

    s = dom_do(&a, "offer %u 0", b.d.id);
    ref = dom_arg(&s);
    dom_do(&b, "map %u %u 2 %d", a_id, ref, GNTST_okay);
    dom_do(&a, "end");
    check(dom_wait_shutdown(&a, 5000, NULL), "A did not finish");
    dom_check_reports(&a, 5);
    dom_stop(&a);
    held = dom_free_pages_settled(before_a);
    gk_printf("free pages: %ld before A, %ld with A destroyed and mapped\n",
              before_a, held);
    check(held < before_a, "A's frames all free while B maps one: %ld, "
          "before A %ld", held, before_a);
    dom_do(&b, "expect 1 0 4096 0x77");
    dom_do(&b, "write 0x66 1");
    dom_do(&b, "expect 1 0 4096 0x66");

    dom_do(&b, "end");
    check(dom_wait_shutdown(&b, 5000, NULL), "B did not finish");
    dom_check_reports(&b, 8);
    dom_stop(&b);
    after = dom_free_pages_settled(before);
    check_eq(after, before, "free pages after both are destroyed");
    return 0;
}
