/* SPDX-License-Identifier: MIT */
/*
 * Pins mmu_update on frames that are not page tables: an untyped or
 * writable frame takes the value verbatim (no checks), also a value that
 * would be refused in a table; a frame used as a GDT page is -EINVAL.
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

GK_TEST_INFO("mm-plain-write", "mmu_update into ordinary memory is a plain write; descriptor pages refuse it");

int main(void)
{
    uint64_t d = gk_mm_alloc(), g = gk_mm_alloc();
    unsigned long frames[1] = { g };

    check_rc(gk_mm_write(d, 3, 0x1234), 0, "untyped frame");
    check_eq(gk_mm_read(d, 3), 0x1234, "verbatim");
    check_rc(gk_mm_write(d, 4, ~0UL), 0, "any value");
    check_eq(gk_mm_read(d, 4), ~0UL, "verbatim");
    gk_mm_map_or_die(13, d, GK_PT_DATA);
    check_rc(gk_mm_write(d, 5, 7), 0, "while mapped writable");
    gk_mm_unmap(13);
    check_rc(HYPERVISOR_set_gdt(frames, 16), 0, "set_gdt");
    check_rc(gk_mm_write(g, 2, 0), -XEN_EINVAL, "descriptor page");
    check_rc(HYPERVISOR_set_gdt(frames, 0), 0, "drop the GDT");
    check_rc(gk_mm_write(g, 2, 0), 0, "plain again");
    return 0;
}
