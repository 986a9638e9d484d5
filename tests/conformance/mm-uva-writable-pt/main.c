/* SPDX-License-Identifier: MIT */
/*
 * Pins update_va_mapping against writable mappings of tables: a RW mapping
 * of the pinned boot L4, of a pinned L1 and of the boot L3 is -EBUSY; the
 * same frames map read-only; the old mapping stays in place after a
 * refusal.
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

GK_TEST_INFO("mm-uva-writable-pt", "update_va_mapping cannot map a pinned table writable");

int main(void)
{
    uint64_t t = gk_mm_alloc(), d = gk_mm_alloc(), v;
    uint64_t va = gk_mm_slot_va(6);

    check_rc(gk_mm_pin(1, t), 0, "pin L1");
    check_rc(gk_mm_map(6, d, GK_PT_DATA), 0, "map data");
    check(gk_mm_try_write(va, 77), "write data");
    check_rc(gk_mm_map(6, t, GK_PT_DATA), -XEN_EBUSY, "RW pinned L1");
    check_rc(gk_mm_map(6, gk_mm_l4_mfn(), GK_PT_DATA), -XEN_EBUSY,
             "RW boot L4");
    check_rc(gk_mm_map(6, gk_mm_boot_l3(), GK_PT_DATA), -XEN_EBUSY,
             "RW boot L3");
    check(gk_mm_try_read(va, &v) && v == 77, "old mapping kept");
    check_rc(gk_mm_map(6, t, GK_PT_RO), 0, "RO pinned L1");
    gk_mm_unmap(6);
    check_rc(gk_mm_unpin(t), 0, "unpin");
    return 0;
}
