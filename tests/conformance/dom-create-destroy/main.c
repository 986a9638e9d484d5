/* SPDX-License-Identifier: MIT */
/*
 * Pins domain lifecycle accounting: XEN_DOMCTL_createdomain from dom0
 * returns a new domain id (not 0); getdomaininfo on it works and shows
 * it paused (a new domain waits for its builder) with no vCPU shown
 * (max_vcpu_id ~0) until XEN_DOMCTL_max_vcpus confirms the count, after
 * which max_vcpu_id is 0; destroydomain returns
 * 0 and the id is gone (-ESRCH). After 100 such cycles the machine's
 * free frames (XEN_SYSCTL_physinfo.free_pages) are back where they were:
 * destruction gives back every frame creation took. Xen frees a dead
 * domain's memory a little later, so the count is polled for a while.
 */
#include "abi/errno.h"
#include "abi/sched.h"
#include "gk/control.h"
#include "gk/test.h"

GK_TEST_INFO("dom-create-destroy", "create/destroy cycles and frame accounting");

static long settled_free_pages(long want)
{
    long now = gk_free_pages();

    for (int i = 0; i < 200 && now != want; i++) {
        HYPERVISOR_sched_op(SCHEDOP_yield, NULL);
        now = gk_free_pages();
    }
    return now;
}

int main(void)
{
    struct xen_domctl_getdomaininfo info;
    long before = gk_free_pages(), after, id;

    check(before > 0, "free_pages %ld", before);
    for (int i = 0; i < 100; i++) {
        id = gk_domain_create(1);
        if (id <= 0) {
            check(0, "cycle %d: createdomain: %ld", i, id);
            break;
        }
        if (i == 0) {
            check_rc(gk_domain_info(id, &info), 0, "getdomaininfo");
            check_eq(info.domain, id, "info.domain");
            check(info.flags & XEN_DOMINF_paused, "new domain not paused "
                  "(flags %#x)", info.flags);
            check_eq(info.max_vcpu_id, XEN_INVALID_MAX_VCPU_ID,
                     "max_vcpu_id before max_vcpus");
            check_rc(gk_domain_max_vcpus(id, 1), 0, "max_vcpus 1");
            check_rc(gk_domain_info(id, &info), 0, "getdomaininfo");
            check_eq(info.max_vcpu_id, 0, "max_vcpu_id after max_vcpus");
        }
        check_rc(gk_domain_destroy(id), 0, "destroydomain");
        check_rc(gk_domain_info(id, &info), -XEN_ESRCH,
                 "getdomaininfo after destroy");
        if (gk_nr_check_failures())
            break;
    }
    after = settled_free_pages(before);
    gk_printf("free pages before %ld after %ld\n", before, after);
    check_eq(after, before, "free pages after 100 cycles");
    return 0;
}
