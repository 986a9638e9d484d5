/* SPDX-License-Identifier: MIT */
/*
 * Pins multicall: entries run in order, each result lands in its entry's
 * `result` (successes and errors alike: an unknown op gives -ENOSYS there
 * and later entries still run), a nested multicall entry gives -EINVAL in
 * its result, the call itself returns 0; nr = 0 returns 0; an unreadable
 * entry array returns -EFAULT.
 */
#include <string.h>

#include "abi/console-io.h"
#include "abi/errno.h"
#include "abi/multicall.h"
#include "abi/version.h"
#include "abi/vm-assist.h"
#include "gk/bad.h"
#include "gk/hypercall.h"
#include "gk/test.h"

GK_TEST_INFO("hcall-multicall", "multicall batches and per-entry results");

static const char msg[] = "multicall: console_io inside a batch\n";

int main(void)
{
    struct multicall_entry mc[6];
    long ver = HYPERVISOR_xen_version(XENVER_version, NULL);
    long rc;

    memset(mc, 0, sizeof(mc));
    for (unsigned int i = 0; i < 6; i++)
        mc[i].result = 0x5A5A5A5A;
    mc[0].op = __HYPERVISOR_xen_version;
    mc[0].args[0] = XENVER_version;
    mc[1].op = __HYPERVISOR_console_io;
    mc[1].args[0] = CONSOLEIO_write;
    mc[1].args[1] = sizeof(msg) - 1;
    mc[1].args[2] = (uint64_t)msg;
    mc[2].op = 99;                               /* unknown */
    mc[3].op = __HYPERVISOR_multicall;           /* nested */
    mc[3].args[0] = (uint64_t)&mc[0];
    mc[3].args[1] = 1;
    mc[4].op = __HYPERVISOR_vm_assist;
    mc[4].args[0] = VMASST_CMD_enable;
    mc[4].args[1] = 6;                           /* unknown type */
    mc[5].op = __HYPERVISOR_xen_version;
    mc[5].args[0] = XENVER_pagesize;

    rc = HYPERVISOR_multicall(mc, 6);
    check_rc(rc, 0, "multicall of 6");
    check_eq(mc[0].result, ver, "entry 0 (xen_version)");
    check_rc(mc[1].result, 0, "entry 1 (console_io)");
    check_rc(mc[2].result, -XEN_ENOSYS, "entry 2 (unknown op 99)");
    check_rc(mc[3].result, -XEN_EINVAL, "entry 3 (nested multicall)");
    check_rc(mc[4].result, -XEN_EINVAL, "entry 4 (vm_assist bad type)");
    check_rc(mc[5].result, 4096, "entry 5 (pagesize)");

    check_rc(HYPERVISOR_multicall(mc, 0), 0, "multicall of 0");
    check_rc(HYPERVISOR_multicall((void *)GK_BAD_UNMAPPED, 1), -XEN_EFAULT,
             "multicall from an unmapped array");
    check_rc(HYPERVISOR_multicall((void *)GK_BAD_NONCANONICAL, 2),
             -XEN_EFAULT, "multicall from a non-canonical array");
    return 0;
}
