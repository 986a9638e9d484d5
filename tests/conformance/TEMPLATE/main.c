/* SPDX-License-Identifier: MIT */
/*
 * Pins <what the ABI says, in one or two sentences, with the numbers>:
 * e.g. vm_assist with an unknown type returns -EINVAL and a known one
 * returns 0. Name the source of the expectation (docs/abi.md, the comment
 * in Xen's public header) and every case where the test SKIPs, and why.
 *
 * A hostile (xsa) test also states the invariant it protects, e.g. "a
 * guest never gets a writable mapping of one of its page-table frames".
 */
#include "abi/errno.h"
#include "abi/vm-assist.h"
#include "gk/hypercall.h"
#include "gk/test.h"

/* Printed at boot: the directory's name and a few words of purpose. */
GK_TEST_INFO("NAME", "what this test pins, in a few words");

int main(void)
{
    long rc;

    /*
     * A precondition the test needs but does not pin: if it fails the
     * test cannot go on, which is an ERROR (the test went wrong), not a
     * FAILURE (the hypervisor broke the ABI).
     */
    rc = HYPERVISOR_vm_assist(VMASST_CMD_enable,
                              VMASST_TYPE_writable_pagetables);
    if (rc < 0)
        test_error("setup: vm_assist returned %ld (%s)", rc,
                   gk_errno_name(rc));

    /*
     * The checks: a failed one prints its line and the test goes on; it
     * ends in FAILURE naming the first. Compare hypercall results with
     * check_rc (errno names in the message), other values with check_eq.
     */
    check_rc(HYPERVISOR_vm_assist(VMASST_CMD_enable, 6), -XEN_EINVAL,
             "vm_assist enable of unknown type 6");
    check_rc(HYPERVISOR_vm_assist(VMASST_CMD_disable,
                                  VMASST_TYPE_writable_pagetables), 0,
             "vm_assist disable of writable_pagetables");

    /*
     * A behaviour this machine cannot show (an emulator limit, or Xen
     * really differing): SKIP with the reason, after everything else has
     * been checked, and only on the exact signature of that limit. Where
     * hv and Xen then differ, add the reason to differences.txt.
     *
     * if (gk_on_xen() && <the known signature>)
     *     test_skip("Xen 4.17 under QEMU < 8.0: <what and why>");
     */

    /* Returning 0 reports SUCCESS, or FAILURE if a check failed. */
    return 0;
}
