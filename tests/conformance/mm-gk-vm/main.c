/* SPDX-License-Identifier: MIT */
/*
 * Pins what guest-kit's memory layer relies on (gk/page-alloc.h,
 * gk/vm.h): frames after the boot region are free to use; fresh frames
 * cleared with MMUEXT_CLEAR_PAGE and pinned as L1/L2/L3 can be linked
 * into the boot L4 with mmu_update; 600 pages map and unmap with a
 * handful of batched mmu_update calls (a multicall carries the TLB
 * flush); pinned tables answer a second pin with -EINVAL; a table frame
 * cannot be mapped writable (and a failed map leaves nothing behind);
 * unmapped pages fault; unpinned, emptied L1s go back to the allocator,
 * so the frames in use return to their starting count.
 */
#include "abi/errno.h"
#include "gk/boot.h"
#include "gk/mm.h"
#include "gk/mmu-batch.h"
#include "gk/page-alloc.h"
#include "gk/pagetable.h"
#include "gk/test.h"
#include "gk/vm.h"

GK_TEST_INFO("mm-gk-vm", "page allocator and batched VM area");

#define NR 600

static void check_all_free(const char *when, size_t base_pages)
{
    struct gk_vm_stats vs;

    gk_vm_get_stats(&vs);
    check_eq(vs.nr_mapped, 0, when);
    check_eq(vs.nr_tables, 3, when);
    check_eq(gk_pages_in_use(), base_pages, when);
}

int main(void)
{
    struct gk_page_stats ps;
    unsigned long calls;
    uint64_t mfn, l1, v;
    size_t base;
    char *p;
    long rc;

    check_rc(gk_page_alloc_init(), 0, "page allocator");
    gk_page_get_stats(&ps);
    gk_printf("boot region ends at PFN %#lx; %zu free frames of %lu\n",
              ps.boot_end_pfn, ps.nr_free, gk_start_info->nr_pages);
    check(ps.boot_end_pfn > (gk_start_info->pt_base >> 12) +
                                gk_start_info->nr_pt_frames,
          "boot region ends at %#lx, inside the page tables",
          ps.boot_end_pfn);
    check(ps.nr_free > 1000 && ps.nr_in_use == 0,
          "%zu free, %zu in use at start", ps.nr_free, ps.nr_in_use);

    rc = gk_vm_init();
    if (rc)
        test_fail("building the VM area: %ld (%s)", rc, gk_errno_name(rc));
    base = gk_pages_in_use();
    check_eq(base, 3, "frames in use after init (L3, L2, window)");
    check_rc(gk_mm_pin(3, gk_vm_table_mfn((void *)GK_VM_BASE, 3)),
             -XEN_EINVAL, "second pin of the area's L3");

    calls = gk_mmu_nr_hypercalls;
    p = gk_vm_alloc(NR, GK_VM_GUARD);
    if (!p)
        test_fail("gk_vm_alloc(%d) failed", NR);
    calls = gk_mmu_nr_hypercalls - calls;
    gk_printf("%d pages mapped with %lu hypercalls\n", NR, calls);
    check(calls <= NR / 64 + 8, "%lu hypercalls for %d pages", calls, NR);
    check(!(gk_vm_pte(p - 4096) & PTE_P), "the guard page is mapped");

    for (int i = 0; i < NR; i++)
        *(uint64_t *)(p + i * 4096 + 8 * (i % 512)) = 0x1000ULL + i;
    for (int i = 0; i < NR; i++) {
        uint64_t pte = gk_vm_pte(p + i * 4096);

        mfn = (pte & PTE_ADDR_MASK) >> 12;
        if (*(uint64_t *)(p + i * 4096 + 8 * (i % 512)) != 0x1000ULL + i ||
            !(pte & PTE_RW) || gk_m2p[mfn] < ps.boot_end_pfn) {
            check(0, "page %d: pte %#lx pfn %#lx", i, pte, gk_m2p[mfn]);
            break;
        }
    }

    l1 = gk_vm_table_mfn(p, 1);
    check(l1 != 0, "no L1 under a mapped page");
    check_rc(gk_mm_pin(1, l1), -XEN_EINVAL, "second pin of an area L1");
    check_rc(gk_vm_map(p, &mfn, 1, GK_PT_DATA), -XEN_EEXIST,
             "map over a mapped page");
    check_rc(gk_vm_map((void *)0x1000, &mfn, 1, GK_PT_DATA), -XEN_EINVAL,
             "map outside the area");

    /* A writable mapping of a page table must be refused and undone. */
    {
        char *spare = gk_vm_reserve(2);
        uint64_t two[2] = { gk_pfn_to_mfn(ps.boot_end_pfn - 1), l1 };
        struct gk_vm_stats before, after;

        gk_vm_get_stats(&before);
        rc = gk_vm_map(spare, two, 2, GK_PT_DATA);
        check(rc < 0, "writable map of an L1 returned %ld", rc);
        gk_vm_get_stats(&after);
        check_eq(after.nr_mapped, before.nr_mapped, "pages after failed map");
        check(!(gk_vm_pte(spare) & PTE_P), "failed map left a page behind");
        check_rc(gk_vm_map(spare + 4096, &l1, 1, GK_PT_RO), 0,
                 "read-only map of an L1");
        check_eq(((volatile uint64_t *)(spare + 4096))[
                     (((uint64_t)p - GK_VM_BASE) >> 12) % 512] &
                     PTE_ADDR_MASK,
                 gk_vm_pte(p) & PTE_ADDR_MASK, "p's entry seen read-only");
        check_eq(gk_vm_unmap(spare, 2, NULL), 1, "pages unmapped");
        gk_vm_release(spare, 2);
    }

    calls = gk_mmu_nr_hypercalls;
    gk_vm_free(p, NR, GK_VM_GUARD);
    calls = gk_mmu_nr_hypercalls - calls;
    gk_printf("%d pages unmapped with %lu hypercalls\n", NR, calls);
    check(calls <= NR / 64 + 8, "%lu hypercalls for %d pages", calls, NR);
    check(!gk_mm_try_read((uint64_t)p, &v), "unmapped page still readable");
    check(!gk_mm_try_read((uint64_t)p + (NR - 1) * 4096, &v),
          "last unmapped page still readable");
    check_eq(gk_vm_table_mfn(p, 1), 0, "L1 kept after its last page");
    check_all_free("after freeing", base);
    return 0;
}
