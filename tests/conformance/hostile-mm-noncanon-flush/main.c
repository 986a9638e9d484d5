/* SPDX-License-Identifier: MIT */
/*
 * Hostile-guest test 8 (PT-NONCANON-FLUSH, XSA-279): update_va_mapping of
 * 1<<63 with UVMF_INVLPG|UVMF_ALL and of a hypervisor address is -EINVAL;
 * the INVLPG operations with non-canonical addresses return 0 and do
 * nothing; the hypervisor survives.
 */
#include "abi/errno.h"
#include "abi/memory.h"
#include "abi/mmu.h"
#include "abi/pv64.h"
#include "gk/boot.h"
#include "gk/hypercall.h"
#include "gk/mm.h"
#include "gk/pagetable.h"
#include "gk/test.h"
#include "gk/traps.h"
#include "gk/x86.h"

GK_TEST_INFO("hostile-mm-noncanon-flush", "non-canonical and hypervisor addresses in flushes and update_va_mapping");

int main(void)
{
    static const uint64_t bad[] = { 1UL << 63, 0x0000800000000000UL,
                                    0xFFFF7FFFFFFFFFFFUL, ~0UL };

    for (unsigned int i = 0; i < 4; i++) {
        check_rc(HYPERVISOR_update_va_mapping(bad[i], 0,
                                              UVMF_INVLPG | UVMF_ALL),
                 -XEN_EINVAL, "update_va_mapping");
        check_rc(gk_mmuext1(MMUEXT_INVLPG_LOCAL, bad[i], 0), 0, "INVLPG");
        check_rc(gk_mmuext1(MMUEXT_INVLPG_ALL, bad[i], 0), 0, "INVLPG_ALL");
    }
    check_rc(HYPERVISOR_update_va_mapping(0xFFFF830000000000UL, 0,
                                          UVMF_INVLPG), -XEN_EINVAL,
             "hypervisor address");
    check_rc(HYPERVISOR_update_va_mapping(MACH2PHYS_VIRT_START, 0,
                                          UVMF_INVLPG), -XEN_EINVAL,
             "M2P address");
    return 0;
}
