/* SPDX-License-Identifier: MIT */
/*
 * Pins that mmu_update of any entry in L4 slots 256-271 is -EINVAL, even
 * a write of zero, while slot 255 and 272 take updates; a fresh L4 pinned
 * with garbage in those slots gets the hypervisor's entries instead.
 */
#include "abi/errno.h"
#include "abi/memory.h"
#include "abi/mmu.h"
#include "gk/boot.h"
#include "gk/hypercall.h"
#include "gk/mm.h"
#include "gk/pagetable.h"
#include "gk/test.h"
#include "gk/traps.h"
#include "gk/x86.h"

GK_TEST_INFO("mm-hv-slots", "L4 slots 256-271 belong to the hypervisor");

int main(void)
{
    uint64_t l4 = gk_mm_l4_mfn(), n = gk_mm_alloc();

    for (unsigned int s = 256; s <= 271; s++)
        check_rc(gk_mm_write(l4, s, 0), -XEN_EINVAL, "write to hv slot");
    check_rc(gk_mm_write(l4, 272, 0), 0, "slot 272");
    check_rc(gk_mm_write(l4, 255, 0), 0, "slot 255");
    check_rc(gk_mm_write(n, 261, 0x1234567067UL), 0, "garbage in new L4");
    check_rc(gk_mm_pin(4, n), 0, "pin new L4");
    check_eq(gk_mm_read(n, 261), gk_mm_read(l4, 261),
             "slot 261 of the new L4 is the hypervisor's");
    check_rc(gk_mm_write(n, 261, 0), -XEN_EINVAL, "write to its slot 261");
    check_rc(gk_mm_unpin(n), 0, "unpin");
    return 0;
}
