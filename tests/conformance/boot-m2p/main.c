/* SPDX-License-Identifier: MIT */
/*
 * Pins the read-only M2P: XENMEM_machphys_mapping reports
 * [0xFFFF800000000000, 0xFFFF804000000000) and max_mfn = the highest
 * machine frame (maximum_ram_page - 1; Xen 4.17 clamps 2^35 - 1 to it); the
 * table is readable from guest kernel mode and agrees with the P2M;
 * a write to it raises #PF (present | write, kernel mode) with cr2 = the
 * address in vcpu_info.arch.cr2.
 */
#include "abi/memory.h"
#include "gk/boot.h"
#include "gk/hypercall.h"
#include "gk/pagetable.h"
#include "gk/test.h"
#include "gk/traps.h"
#include "gk/x86.h"

GK_TEST_INFO("boot-m2p", "the read-only machine-to-phys table");

int main(void)
{
    struct xen_machphys_mapping map = { 0 };
    uint64_t mfn0 = gk_pfn_to_mfn(0);
    volatile uint64_t *slot = (volatile uint64_t *)&gk_m2p[mfn0];
    unsigned int before;
    long rc;

    rc = HYPERVISOR_memory_op(XENMEM_machphys_mapping, &map);
    check_rc(rc, 0, "machphys_mapping");
    check_eq(map.v_start, MACH2PHYS_VIRT_START, "machphys v_start");
    check_eq(map.v_end, MACH2PHYS_VIRT_END, "machphys v_end");
    rc = HYPERVISOR_memory_op(XENMEM_maximum_ram_page, NULL);
    check(rc > 0, "maximum_ram_page returned %ld", rc);
    check_eq(map.max_mfn, (uint64_t)rc - 1, "machphys max_mfn");

    check_eq(*slot, 0, "m2p[p2m[0]]");

    before = gk_nr_traps;
    __asm__ volatile("1: movq $0x1234, (%0); 2:" GK_EXTABLE(1b, 2b)
                     :: "r"(slot) : "memory");
    check_eq(gk_nr_traps, before + 1, "exceptions from an M2P write");
    check_eq(gk_last_trap.vector, X86_EXC_PF, "M2P write vector");
    check_eq(gk_last_trap.error_code, PFEC_PRESENT | PFEC_WRITE,
             "M2P write error code");
    if (gk_shared_info)
        check_eq(gk_shared_info->vcpu_info[0].arch.cr2, (uint64_t)slot,
                 "cr2 of the M2P write");
    check_eq(*slot, 0, "m2p[p2m[0]] after the write");
    return 0;
}
