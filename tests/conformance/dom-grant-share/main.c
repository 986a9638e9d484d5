/* SPDX-License-Identifier: MIT */
/*
 * Pins sharing between two domUs (docs/abi.md, ### 20, and the
 * interdomain event channels of issue 7): A grants a page of its own to
 * B (entry: domid B, frame, GTF_permit_access) and allocates an unbound
 * port for B; dom0 carries the ref and the port to B, which binds the
 * port, maps (A, ref) with GNTTABOP_map_grant_ref and sees A's bytes,
 * writes its own and notifies. A gets the event and reads B's bytes in
 * its page; while mapped, A's entry has GTF_reading|GTF_writing and
 * revocation fails (-EBUSY from the compare-and-exchange); after B's
 * unmap it succeeds. Then the same once more read-only: B reads, its
 * writes fault, A's page stays as it was.
 */
#include "abi/grant-table.h"
#include "gk/test.h"
#include "../dom-lib/dom0.h"

GK_TEST_INFO("dom-grant-share", "two domUs share a granted page");

int main(void)
{
    struct dom_run a, b;
    unsigned int ref, ro_ref, port;
    const char *s;

    dom_start(&a, 4096, "grant");
    dom_start(&b, 4096, "grant");
    dom_unpause(&a);
    dom_unpause(&b);
    check(dom_wait_line(&a, "main", 5000), "A never reached main");
    check(dom_wait_line(&b, "main", 5000), "B never reached main");

    s = dom_do(&a, "offer %u 0", b.d.id);
    ref = dom_arg(&s);
    s = dom_do(&a, "unbound %u", b.d.id);
    port = dom_arg(&s);
    gk_printf("A (d%u) offers ref %u and port %u to B (d%u)\n", a.d.id, ref,
              port, b.d.id);
    dom_do(&b, "bind %u %u", a.d.id, port);
    dom_do(&b, "map %u %u %u %d", a.d.id, ref, GNTMAP_host_map, GNTST_okay);
    dom_do(&b, "expect 1 0 4096 0x5a");
    dom_do(&b, "write 0xb7 1");
    dom_do(&a, "wait");
    dom_do(&a, "expect 0 0 4096 0xb7");
    dom_do(&a, "revoke %u -16", ref); /* -EBUSY */
    dom_do(&b, "write 0x3c 1");
    dom_do(&a, "wait");
    dom_do(&a, "expect 0 0 4096 0x3c");
    dom_do(&b, "unmap %d", GNTST_okay);
    dom_do(&a, "revoke %u 0", ref);
    dom_do(&b, "map %u %u %u %d", a.d.id, ref, GNTMAP_host_map,
           GNTST_general_error);

    s = dom_do(&a, "offer %u 1", b.d.id);
    ro_ref = dom_arg(&s);
    dom_do(&b, "map %u %u %u %d", a.d.id, ro_ref,
           GNTMAP_host_map | GNTMAP_readonly, GNTST_okay);
    dom_do(&b, "expect 1 0 4096 0x3c");
    dom_do(&b, "write 0x99 0");
    dom_do(&a, "wait");
    dom_do(&a, "expect 0 0 4096 0x3c");
    dom_do(&a, "revoke %u -16", ro_ref);
    dom_do(&b, "unmap %d", GNTST_okay);
    dom_do(&a, "revoke %u 0", ro_ref);

    dom_do(&a, "end");
    dom_do(&b, "end");
    check(dom_wait_shutdown(&a, 5000, NULL), "A did not finish");
    check(dom_wait_shutdown(&b, 5000, NULL), "B did not finish");
    dom_check_reports(&a, 10);
    dom_check_reports(&b, 10);
    dom_stop(&b);
    dom_stop(&a);
    return 0;
}
