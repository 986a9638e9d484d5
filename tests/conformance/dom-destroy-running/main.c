/* SPDX-License-Identifier: MIT */
/*
 * Pins destroydomain of a domU that is running (never shut down, its L4
 * pinned and in use as cr3, dom0 bound to its console port): the id is
 * gone (-ESRCH), our end of the interdomain channel falls back to
 * unbound, and free_pages returns to its value before createdomain.
 */
#include "abi/errno.h"
#include "abi/memory.h"
#include "gk/control.h"
#include "gk/events.h"
#include "gk/test.h"
#include "../dom-lib/dom0.h"

GK_TEST_INFO("dom-destroy-running", "destroy a running domU");

int main(void)
{
    struct xen_domctl_getdomaininfo info;
    struct evtchn_status st;
    long before, after;
    struct dom_run r;

    dom_exc_port();
    before = gk_free_pages();
    dom_start(&r, 2048, "count");
    dom_unpause(&r);
    check(dom_wait_line(&r, "main", 5000), "the domU never reached main");
    check(!dom_wait_line(&r, "never", 50), "the domU stopped");
    gk_foreign_unmap(r.ring);
    r.ring = NULL;
    check_rc(gk_domain_destroy(r.d.id), 0, "destroydomain");
    check_rc(gk_domain_info(r.d.id, &info), -XEN_ESRCH,
             "getdomaininfo after destroy");
    check_rc(gk_evtchn_status(DOMID_SELF, r.con_local, &st), 0,
             "status of our end");
    check_eq(st.status, EVTCHNSTAT_unbound, "our end after the peer died");
    gk_evtchn_close(r.con_local);
    after = dom_free_pages_settled(before);
    check_eq(after, before, "free pages after destroy");
    return 0;
}
