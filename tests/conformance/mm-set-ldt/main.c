/* SPDX-License-Identifier: MIT */
/*
 * Pins the argument checks of MMUEXT_SET_LDT: a page-aligned guest VA with
 * up to 8192 entries is accepted, as is (0, 0) to remove the LDT;
 * misaligned bases, more than 8192 entries, non-canonical and
 * hypervisor-range bases are -EINVAL.
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

GK_TEST_INFO("mm-set-ldt", "MMUEXT_SET_LDT checks alignment, size and range");

int main(void)
{
    uint64_t va = gk_mm_slot_va(11);

    check_rc(gk_mmuext1(MMUEXT_SET_LDT, va, 16), 0, "16 entries");
    check_rc(gk_mmuext1(MMUEXT_SET_LDT, va, 8192), 0, "8192 entries");
    check_rc(gk_mmuext1(MMUEXT_SET_LDT, va + 8, 1), -XEN_EINVAL, "misaligned");
    check_rc(gk_mmuext1(MMUEXT_SET_LDT, va, 8193), -XEN_EINVAL, "8193");
    check_rc(gk_mmuext1(MMUEXT_SET_LDT, 0x8000000000000000UL, 1),
             -XEN_EINVAL, "non-canonical");
    check_rc(gk_mmuext1(MMUEXT_SET_LDT, HYPERVISOR_VIRT_START, 1),
             -XEN_EINVAL, "hypervisor range");
    check_rc(gk_mmuext1(MMUEXT_SET_LDT, 0, 0), 0, "no LDT");
    return 0;
}
