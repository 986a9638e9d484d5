/* SPDX-License-Identifier: MIT */
/*
 * Pins writable page tables (reference §5.6): a kernel write to a
 * read-only mapping of one of its L1s is a checked update of that entry,
 * with VMASST_TYPE_writable_pagetables and, on Xen 4.17, in dom0 even
 * without it (this test runs as dom0; a domU without the assist gets the
 * #PF). A plain mov maps a data frame (usable at once), lock cmpxchg
 * stores only on a match and returns the entry otherwise, lock orb and
 * lock andb set and clear RW; a writable mapping of a table frame is
 * refused as the guest's #PF and the entry stays. Linux writes its early
 * PTEs this way (xen_set_pte_init).
 */
#include "abi/errno.h"
#include "abi/vm-assist.h"
#include "gk/hypercall.h"
#include "gk/mm.h"
#include "gk/test.h"
#include "gk/traps.h"

GK_TEST_INFO("mm-ptwr", "kernel writes to a read-only L1 are checked updates (writable_pagetables; always for dom0)");

#define L3_IDX 6
#define SLOT   7
#define IDX    3

static uint64_t cmpxchg(uint64_t *p, uint64_t expect, uint64_t val)
{
    __asm__ volatile("lock cmpxchg %2, %1"
                     : "+a"(expect), "+m"(*p) : "r"(val) : "memory", "cc");
    return expect;
}

int main(void)
{
    uint64_t l2, l1, d = gk_mm_alloc(), v;
    uint64_t *pte = (uint64_t *)(gk_mm_slot_va(SLOT) + IDX * 8);
    uint64_t va = ((uint64_t)L3_IDX << 30) + IDX * 4096;
    uint64_t frame = PTE_P | PTE_RW | 0x000FFFFFFFFFF000UL;
    unsigned int traps;

    if (gk_mm_build_window(L3_IDX, &l2, &l1))
        test_error("window");
    check_rc(gk_mm_map(SLOT, l1, GK_PT_RO), 0, "map the L1 read-only");

    /* dom0 gets the replay without the assist (Xen 4.17's RO-fault path). */
    check(gk_mm_try_write((uint64_t)pte, (d << 12) | GK_PT_DATA),
          "dom0, no assist: mov to the L1 entry");
    check_eq(gk_mm_read(l1, IDX) & frame, (d << 12) | PTE_P | PTE_RW,
             "entry written");
    check(gk_mm_try_write(va, 0x1234) && gk_mm_try_read(va, &v) &&
              v == 0x1234, "new mapping usable");
    check_rc(HYPERVISOR_vm_assist(VMASST_CMD_enable,
                                  VMASST_TYPE_writable_pagetables), 0,
             "enable writable_pagetables");
    check(gk_mm_try_write((uint64_t)pte, 0), "with the assist: clear it");
    check_eq(gk_mm_read(l1, IDX), 0, "entry cleared");
    check(gk_mm_try_write((uint64_t)pte, (d << 12) | GK_PT_DATA),
          "and map it again");

    check(!gk_mm_try_write((uint64_t)pte, (l2 << 12) | GK_PT_DATA),
          "RW mapping of a table: faults");
    check_eq(gk_mm_read(l1, IDX) & frame, (d << 12) | PTE_P | PTE_RW,
             "refused: entry unchanged");

    traps = gk_nr_traps;
    v = gk_mm_read(l1, IDX);
    check_eq(cmpxchg(pte, 5, 0), v, "cmpxchg mismatch returns the entry");
    check_eq(gk_mm_read(l1, IDX), v, "cmpxchg mismatch: no store");
    check_eq(cmpxchg(pte, v, (d << 12) | GK_PT_RO), v, "cmpxchg match");
    check_eq(gk_mm_read(l1, IDX) & frame, (d << 12) | PTE_P,
             "cmpxchg stored");
    __asm__ volatile("lock orb $2, %0" : "+m"(*pte) :: "memory", "cc");
    check_eq(gk_mm_read(l1, IDX) & frame, (d << 12) | PTE_P | PTE_RW,
             "lock orb set RW");
    __asm__ volatile("lock andb $0xfd, %0" : "+m"(*pte) :: "memory", "cc");
    check_eq(gk_mm_read(l1, IDX) & frame, (d << 12) | PTE_P,
             "lock andb cleared RW");
    check_eq(gk_nr_traps, traps, "no fault reached the guest");

    check(gk_mm_try_write((uint64_t)pte, 0), "clear the entry");
    check_eq(gk_mm_read(l1, IDX), 0, "entry cleared");
    gk_mm_unmap(SLOT);
    return 0;
}
