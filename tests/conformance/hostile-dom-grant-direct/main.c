/* SPDX-License-Identifier: MIT */
/*
 * Invariant: a domain maps another domain's frame only through a grant
 * (hostile-guests.md: "maps another domain's frame"). A grants its page
 * to B, which learns its MFN. B's mmu_update of its own L1 entry and
 * update_va_mapping to that frame, read-only and writable, are refused:
 * before B maps the grant, while it has it mapped, and after unmap and
 * revocation. The grant mapping itself works; A's page ends with only
 * the bytes B wrote through it.
 */
#include "abi/grant-table.h"
#include "gk/test.h"
#include "../dom-lib/dom0.h"

GK_TEST_INFO("hostile-dom-grant-direct", "no direct map of a foreign frame");

int main(void)
{
    struct dom_run a, b;
    unsigned int ref;
    uint64_t mfn;
    const char *s;

    dom_start(&a, 4096, "grant");
    dom_start(&b, 4096, "grant");
    dom_unpause(&a);
    dom_unpause(&b);
    check(dom_wait_line(&a, "main", 5000), "A never reached main");
    check(dom_wait_line(&b, "main", 5000), "B never reached main");
    s = dom_do(&a, "offer %u 0", b.d.id);
    ref = dom_arg(&s);
    mfn = dom_arg(&s);

    dom_do(&b, "direct %#lx", mfn);
    dom_do(&b, "map %u %u 2 %d", a.d.id, ref, GNTST_okay);
    dom_do(&b, "direct %#lx", mfn);
    dom_do(&b, "write 0x42 1");
    dom_do(&b, "unmap %d", GNTST_okay);
    dom_do(&a, "revoke %u 0", ref);
    dom_do(&b, "direct %#lx", mfn);
    dom_do(&a, "expect 0 0 4096 0x42");

    dom_do(&a, "end");
    dom_do(&b, "end");
    check(dom_wait_shutdown(&a, 5000, NULL), "A did not finish");
    check(dom_wait_shutdown(&b, 5000, NULL), "B did not finish");
    dom_check_reports(&a, 3);
    dom_check_reports(&b, 15);
    dom_stop(&b);
    dom_stop(&a);
    return 0;
}
