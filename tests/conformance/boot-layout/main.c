/* SPDX-License-Identifier: MIT */
/*
 * Pins the initial address space of a PV dom0: one region from VA 0 (PFN =
 * VA >> 12) holding, in order, the kernel, the P2M (mfn_list), start_info,
 * the bootstrap page tables (L4 first, at pt_base) and the boot stack,
 * mapped up to a 4 MiB boundary. Kernel, P2M, start_info and stack are
 * writable; the page-table frames are mapped read-only. Only L4 slot 0 is
 * the guest's; slots 256-271 belong to the hypervisor, slot 256 holding
 * the read-only M2P.
 */
#include "gk/boot.h"
#include "gk/pagetable.h"
#include "gk/test.h"
#include "gk/x86.h"

GK_TEST_INFO("boot-layout", "order and permissions of the initial mappings");

/* Check [start, end) is mapped present, writable or not as asked. */
static void check_range(const char *what, uint64_t start, uint64_t end,
                        bool writable)
{
    for (uint64_t va = start & ~(PAGE_SIZE - 1); va < end; va += PAGE_SIZE) {
        uint64_t pte[4];

        if (gk_pt_walk(va, pte) != 4 || !(pte[0] & PTE_P)) {
            gk_check_failed(__FILE__, __LINE__, "%s: %#lx not mapped", what,
                            va);
            return;
        }
        if (!!(pte[0] & PTE_RW) != writable) {
            gk_check_failed(__FILE__, __LINE__, "%s: %#lx is %s (L1 %#lx)",
                            what, va, writable ? "read-only" : "writable",
                            pte[0]);
            return;
        }
    }
}

int main(void)
{
    const struct start_info *si = gk_start_info;
    const uint64_t *l4 = (const uint64_t *)si->pt_base;
    uint64_t p2m_end = si->mfn_list + si->nr_pages * 8;
    uint64_t pt_end = si->pt_base + si->nr_pt_frames * PAGE_SIZE;
    uint64_t stack_top = gk_boot_regs.rsp;
    uint64_t region_end = si->first_p2m_pfn << PAGE_SHIFT;

    gk_printf("kernel %#lx-%#lx p2m %#lx-%#lx si %#lx pt %#lx-%#lx "
              "stack top %#lx end %#lx\n", (uint64_t)_start, (uint64_t)_end,
              si->mfn_list, p2m_end, (uint64_t)si, si->pt_base, pt_end,
              stack_top, region_end);

    /* Order of the items in the region. */
    check((uint64_t)_end <= si->mfn_list, "P2M %#lx before the kernel end",
          si->mfn_list);
    check(((p2m_end + PAGE_SIZE - 1) & ~(PAGE_SIZE - 1)) <= (uint64_t)si,
          "start_info %#lx overlaps the P2M", (uint64_t)si);
    check((uint64_t)si < si->pt_base, "page tables %#lx before start_info",
          si->pt_base);
    check_eq(stack_top, pt_end + PAGE_SIZE, "boot stack right after tables");
    check_eq(region_end & ((4UL << 20) - 1), 0, "region ends at 4 MiB");
    check(stack_top <= region_end, "stack %#lx beyond the region end %#lx",
          stack_top, region_end);

    /* Permissions. */
    check_range("below the kernel", 0, (uint64_t)_start, true);
    check_range("kernel", (uint64_t)_start, (uint64_t)_end, true);
    check_range("P2M", si->mfn_list, p2m_end, true);
    check_range("start_info", (uint64_t)si, (uint64_t)si + PAGE_SIZE, true);
    check_range("page tables", si->pt_base, pt_end, false);
    check_range("boot stack", pt_end, stack_top, true);
    check_range("padding", stack_top, region_end, true);

    /* L4: slot 0 is ours, 256 is the M2P, the rest of the guest part empty. */
    check(l4[0] & PTE_P, "L4 slot 0 not present");
    check(l4[256] & PTE_P, "L4 slot 256 (M2P) not present");
    check(l4[256] & PTE_US, "L4 slot 256 (M2P) not user-accessible");
    for (unsigned int i = 1; i < 512; i++) {
        if (i >= 256 && i < 272)
            continue;
        check(!(l4[i] & PTE_P), "L4 slot %u present: %#lx", i, l4[i]);
    }
    return 0;
}
