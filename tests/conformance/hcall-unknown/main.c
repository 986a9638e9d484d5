/* SPDX-License-Identifier: MIT */
/*
 * Pins that hypercall numbers with no handler return -ENOSYS and change
 * nothing: the unused 11, the reserved 43-47, 56-127 through the page, and
 * numbers past the page (128, 1000, 2^32 + 17, ~0) through a raw
 * `syscall`; the arguments are garbage. Afterwards xen_version still works.
 */
#include "abi/errno.h"
#include "abi/hypercall.h"
#include "abi/version.h"
#include "gk/hypercall.h"
#include "gk/test.h"

GK_TEST_INFO("hcall-unknown", "unknown hypercall numbers return -ENOSYS");

int main(void)
{
    static const unsigned long raw[] = {
        128, 129, 255, 256, 1000, 0x80000000UL, (1UL << 32) + 17, ~0UL,
    };
    unsigned long garbage = 0xDEAD0000BEEF0000UL;
    long rc;

    rc = gk_hypercall5(11, garbage, garbage, garbage, garbage, garbage);
    check_rc(rc, -XEN_ENOSYS, "hypercall 11");
    for (unsigned int nr = 43; nr < 128; nr++) {
        if (nr >= __HYPERVISOR_arch_0 && nr <= __HYPERVISOR_arch_7)
            continue;    /* arch_0..7: x86 arch_0 is machine-check */
        rc = gk_hypercall5(nr, garbage, garbage, garbage, garbage, garbage);
        if (rc != -XEN_ENOSYS)
            gk_check_failed(__FILE__, __LINE__, "hypercall %u: got %ld",
                            nr, rc);
    }
    for (unsigned int i = 0; i < sizeof(raw) / sizeof(raw[0]); i++) {
        rc = gk_hypercall_raw(raw[i], garbage, garbage, garbage, garbage,
                              garbage);
        if (rc != -XEN_ENOSYS)
            gk_check_failed(__FILE__, __LINE__, "raw hypercall %#lx: got %ld",
                            raw[i], rc);
    }
    /* Still alive and served. */
    check(HYPERVISOR_xen_version(XENVER_version, NULL) > 0,
          "xen_version after the unknown calls");
    return 0;
}
