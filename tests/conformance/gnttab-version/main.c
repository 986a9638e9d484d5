/* SPDX-License-Identifier: MIT */
/*
 * Pins GNTTABOP_get_version/set_version (docs/abi.md, ### 20): a domain
 * starts at version 1; set_version 1 returns 0; 0 and 3 are -EINVAL;
 * 2 returns 0 (Xen 4.17, v2 allowed) or -ENOSYS (hv, v1 only); every
 * call writes the version in use back; get_version of a missing domain
 * is -ESRCH; neither op checks count (as Xen).
 */
#include "abi/errno.h"
#include "abi/grant-table.h"
#include "abi/memory.h"
#include "gk/hypercall.h"
#include "gk/test.h"

GK_TEST_INFO("gnttab-version", "get_version and set_version");

static uint32_t get_version(void)
{
    struct gnttab_get_version g = { .dom = DOMID_SELF };

    check_rc(HYPERVISOR_grant_table_op(GNTTABOP_get_version, &g, 1), 0,
             "get_version");
    return g.version;
}

static long set_version(uint32_t v, uint32_t *now)
{
    struct gnttab_set_version s = { .version = v };
    long rc = HYPERVISOR_grant_table_op(GNTTABOP_set_version, &s, 1);

    *now = s.version;
    return rc;
}

int main(void)
{
    struct gnttab_get_version g = { .dom = 33 };
    uint32_t now;
    long rc;

    check_eq(get_version(), 1, "initial version");
    check_rc(set_version(1, &now), 0, "set_version 1");
    check_eq(now, 1, "version after set_version 1");
    check_rc(set_version(0, &now), -XEN_EINVAL, "set_version 0");
    check_eq(now, 1, "version written back after set_version 0");
    check_rc(set_version(3, &now), -XEN_EINVAL, "set_version 3");
    check_eq(now, 1, "version written back after set_version 3");

    rc = set_version(2, &now);
    if (rc == 0) {
        check_eq(now, 2, "version after set_version 2");
        check_eq(get_version(), 2, "get_version after set_version 2");
        check_rc(set_version(1, &now), 0, "back to version 1");
    } else {
        check_rc(rc, -XEN_ENOSYS, "set_version 2 (v1 only)");
        check(!gk_on_xen(), "Xen 4.17 allows version 2");
    }
    check_eq(now, 1, "version 1 again");
    check_eq(get_version(), 1, "get_version 1 again");

    check_rc(HYPERVISOR_grant_table_op(GNTTABOP_get_version, &g, 1),
             -XEN_ESRCH, "get_version d33");
    g.dom = DOMID_SELF;
    check_rc(HYPERVISOR_grant_table_op(GNTTABOP_get_version, &g, 2), 0,
             "get_version count 2");
    check_rc(HYPERVISOR_grant_table_op(GNTTABOP_get_version,
                                       (void *)0x7f0000000000UL, 1),
             -XEN_EFAULT, "get_version unmapped op");
    return 0;
}
