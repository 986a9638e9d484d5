/* SPDX-License-Identifier: MIT */
/*
 * The VM area: page tables built from pinned, hypervisor-validated frames
 * and changed only by batched mmu_update. See gk/vm.h for the layout.
 */
#include "gk/vm.h"

#include "abi/errno.h"
#include "abi/memory.h"
#include "gk/bitmap.h"
#include "gk/boot.h"
#include "gk/events.h"
#include "gk/hypercall.h"
#include "gk/mmu-batch.h"
#include "gk/page-alloc.h"
#include "gk/pagetable.h"
#include "gk/test.h"

#define NR_L1       511
#define WINDOW_SLOT 511
#define L1_PAGES    512

static uint64_t l3_mfn, l2_mfn, window_mfn;
static uint64_t l1_mfn[NR_L1];        /* 0: no L1 for that 2 MiB */
static uint16_t l1_used[NR_L1];       /* present entries in each L1 */
static uint64_t va_map[GK_BITMAP_WORDS(GK_VM_NR_PAGES)];
static size_t va_hint, nr_reserved, nr_mapped, nr_l1;
static int ready;

static volatile const uint64_t *const pte_window =
    (volatile const uint64_t *)GK_VM_PTE_WINDOW;

bool gk_vm_contains(const void *va)
{
    uint64_t v = (uint64_t)va;

    return v >= GK_VM_BASE && v < GK_VM_BASE + GK_VM_NR_PAGES * PAGE_SIZE;
}

/* A fresh frame for a table: zeroed by the hypervisor, never mapped. */
static uint64_t new_table_frame(void)
{
    uint64_t pfn = gk_page_alloc();

    return pfn == GK_PAGE_NONE ? 0 : gk_pfn_to_mfn(pfn);
}

static void free_table_frame(uint64_t mfn)
{
    gk_page_free(gk_m2p[mfn]);
}

/* Clear and pin each table frame in one mmuext_op. */
static long clear_and_pin(const uint64_t *mfn, const unsigned int *level,
                          unsigned int nr)
{
    struct mmuext_op op[8];

    for (unsigned int i = 0; i < nr; i++) {
        op[2 * i] = (struct mmuext_op){ .cmd = MMUEXT_CLEAR_PAGE };
        op[2 * i].arg1.mfn = mfn[i];
        op[2 * i + 1] = (struct mmuext_op){
            .cmd = MMUEXT_PIN_L1_TABLE + level[i] - 1 };
        op[2 * i + 1].arg1.mfn = mfn[i];
    }
    gk_mmu_nr_hypercalls++;
    return HYPERVISOR_mmuext_op(op, 2 * nr, NULL, DOMID_SELF);
}

static long unpin(uint64_t mfn)
{
    struct mmuext_op op = { .cmd = MMUEXT_UNPIN_TABLE };

    op.arg1.mfn = mfn;
    gk_mmu_nr_hypercalls++;
    return HYPERVISOR_mmuext_op(&op, 1, NULL, DOMID_SELF);
}

long gk_vm_init(void)
{
    static const unsigned int levels[3] = { 3, 2, 1 };
    const uint64_t *boot_l4 = (const uint64_t *)gk_start_info->pt_base;
    uint64_t mfn[3];
    struct gk_mmu_batch b;
    unsigned int flags;
    long rc;

    if (ready)
        return 0;
    if (boot_l4[GK_VM_L4_SLOT] & PTE_P)
        return -XEN_EEXIST;
    flags = gk_local_irq_save();
    for (int i = 0; i < 3; i++) {
        mfn[i] = new_table_frame();
        if (!mfn[i]) {
            gk_local_irq_restore(flags);
            return -XEN_ENOMEM;
        }
    }
    l3_mfn = mfn[0];
    l2_mfn = mfn[1];
    window_mfn = mfn[2];
    rc = clear_and_pin(mfn, levels, 3);
    if (!rc) {
        gk_mmu_batch_init(&b);
        gk_mmu_batch_pte(&b, l2_mfn, WINDOW_SLOT,
                         (window_mfn << PAGE_SHIFT) | GK_PT_TABLE);
        gk_mmu_batch_pte(&b, l3_mfn, 0, (l2_mfn << PAGE_SHIFT) | GK_PT_TABLE);
        gk_mmu_batch_pte(&b, gk_mm_l4_mfn(), GK_VM_L4_SLOT,
                         (l3_mfn << PAGE_SHIFT) | GK_PT_TABLE);
        rc = gk_mmu_batch_submit(&b);
    }
    if (!rc)
        ready = 1;
    gk_local_irq_restore(flags);
    return rc;
}

void *gk_vm_reserve(size_t nr)
{
    unsigned int flags;
    size_t i;

    if (gk_vm_init() || !nr)
        return NULL;
    flags = gk_local_irq_save();
    i = gk_bitmap_find_zero_area(va_map, GK_VM_NR_PAGES, va_hint, nr);
    if (i >= GK_VM_NR_PAGES)
        i = gk_bitmap_find_zero_area(va_map, GK_VM_NR_PAGES, 0, nr);
    if (i < GK_VM_NR_PAGES) {
        gk_bitmap_set_range(va_map, i, nr);
        nr_reserved += nr;
        va_hint = i + nr;
    }
    gk_local_irq_restore(flags);
    return i < GK_VM_NR_PAGES ? (void *)(GK_VM_BASE + i * PAGE_SIZE) : NULL;
}

void gk_vm_release(void *va, size_t nr)
{
    size_t i = ((uint64_t)va - GK_VM_BASE) >> PAGE_SHIFT;
    unsigned int flags;

    if (!nr)
        return;
    if (!gk_vm_contains(va) || nr > GK_VM_NR_PAGES - i ||
        !gk_bitmap_range_is_set(va_map, i, nr))
        test_error("gk_vm_release: %p (+%zu pages) is not reserved", va, nr);
    flags = gk_local_irq_save();
    gk_bitmap_clear_range(va_map, i, nr);
    nr_reserved -= nr;
    gk_local_irq_restore(flags);
}

/*
 * Make sure L2 slot `slot` has an L1 (submitting what b holds). 0 or
 * -errno.
 */
static long get_l1(size_t slot, struct gk_mmu_batch *b)
{
    static const unsigned int level1 = 1;
    uint64_t mfn;
    long rc;

    if (l1_mfn[slot])
        return 0;
    mfn = new_table_frame();
    if (!mfn)
        return -XEN_ENOMEM;
    rc = clear_and_pin(&mfn, &level1, 1);
    if (rc) {
        free_table_frame(mfn);
        return rc;
    }
    /* Link it, and show it read-only in the window, before any reader. */
    gk_mmu_batch_pte(b, l2_mfn, (unsigned int)slot,
                     (mfn << PAGE_SHIFT) | GK_PT_TABLE);
    gk_mmu_batch_pte(b, window_mfn, (unsigned int)slot,
                     (mfn << PAGE_SHIFT) | GK_PT_RO);
    rc = gk_mmu_batch_submit(b);
    if (rc) {
        unpin(mfn);
        free_table_frame(mfn);
        return rc;
    }
    l1_mfn[slot] = mfn;
    nr_l1++;
    return 0;
}

/* Entry of area page n, 0 if its L1 does not exist. */
static uint64_t pte_of(size_t n)
{
    return l1_mfn[n / L1_PAGES] ? pte_window[n] : 0;
}

/*
 * True if nr pages from va lie in the area and va is page-aligned; *first
 * is then va's page index.
 */
static bool range_ok(const void *va, size_t nr, size_t *first)
{
    uint64_t v = (uint64_t)va;

    if (!gk_vm_contains(va) || (v & (PAGE_SIZE - 1)))
        return false;
    *first = (v - GK_VM_BASE) >> PAGE_SHIFT;
    return nr <= GK_VM_NR_PAGES - *first;
}

static long release_empty_l1s(size_t lo, size_t hi);

/*
 * A map failed part-way (the hypervisor stops at the first bad request):
 * drop the counts of the `counted` pages this call queued, and clear any
 * page of the range it did map (all were unmapped before it).
 */
static void undo_map(size_t first, size_t nr, size_t counted,
                     struct gk_mmu_batch *b)
{
    gk_mmu_batch_init(b);
    for (size_t n = first; n < first + counted; n++) {
        l1_used[n / L1_PAGES]--;
        nr_mapped--;
    }
    for (size_t n = first; n < first + nr; n++)
        if (pte_of(n) & PTE_P)
            gk_mmu_batch_pte(b, l1_mfn[n / L1_PAGES],
                             (unsigned int)(n % L1_PAGES), 0);
    gk_mmu_batch_want_flush(b);
    gk_mmu_batch_submit(b);
    release_empty_l1s(first / L1_PAGES, (first + nr - 1) / L1_PAGES);
}

long gk_vm_map(void *va, const uint64_t *mfns, size_t nr, uint64_t flags)
{
    struct gk_mmu_batch b;
    size_t first, counted = 0;
    unsigned int irq;
    long rc = 0;

    if (gk_vm_init())
        return -XEN_ENOMEM;
    if (!range_ok(va, nr, &first))
        return -XEN_EINVAL;
    irq = gk_local_irq_save();
    for (size_t n = first; n < first + nr; n++) {
        if (pte_of(n) & PTE_P) {
            rc = -XEN_EEXIST;
            goto out;
        }
    }
    gk_mmu_batch_init(&b);
    for (size_t i = 0; i < nr; i++) {
        size_t n = first + i, slot = n / L1_PAGES;

        rc = get_l1(slot, &b);
        if (rc)
            break;
        gk_mmu_batch_pte(&b, l1_mfn[slot], (unsigned int)(n % L1_PAGES),
                         (mfns[i] << PAGE_SHIFT) | flags | PTE_P);
        l1_used[slot]++;
        nr_mapped++;
        counted++;
    }
    if (!rc)
        rc = gk_mmu_batch_submit(&b);
    if (rc)
        undo_map(first, nr, counted, &b);
out:
    gk_local_irq_restore(irq);
    return rc;
}

/* Unlink, flush, then unpin and free the L1s in gone[]. */
static long drop_l1s(const uint64_t *gone, const size_t *slot,
                     unsigned int nr)
{
    struct gk_mmu_batch b;
    long rc;

    gk_mmu_batch_init(&b);
    for (unsigned int i = 0; i < nr; i++) {
        gk_mmu_batch_pte(&b, l2_mfn, (unsigned int)slot[i], 0);
        gk_mmu_batch_pte(&b, window_mfn, (unsigned int)slot[i], 0);
    }
    /* No TLB may still hold the window's view before the frame is reused. */
    gk_mmu_batch_want_flush(&b);
    rc = gk_mmu_batch_submit(&b);
    for (unsigned int i = 0; i < nr && !rc; i++) {
        rc = unpin(gone[i]);
        if (!rc)
            free_table_frame(gone[i]);
    }
    return rc;
}

/* Release every L1 of slots [lo, hi] that maps nothing any more. */
static long release_empty_l1s(size_t lo, size_t hi)
{
    uint64_t gone[16];
    size_t slot[16];
    unsigned int nr = 0;
    long rc = 0;

    for (size_t s = lo; s <= hi && !rc; s++) {
        if (!l1_mfn[s] || l1_used[s])
            continue;
        gone[nr] = l1_mfn[s];
        slot[nr++] = s;
        l1_mfn[s] = 0;
        nr_l1--;
        if (nr == 16) {
            rc = drop_l1s(gone, slot, nr);
            nr = 0;
        }
    }
    if (nr && !rc)
        rc = drop_l1s(gone, slot, nr);
    return rc;
}

long gk_vm_unmap(void *va, size_t nr, uint64_t *mfns)
{
    struct gk_mmu_batch b;
    size_t first, was_mapped = 0;
    unsigned int irq;
    long rc;

    if (!range_ok(va, nr, &first))
        return -XEN_EINVAL;
    if (!nr)
        return 0;
    irq = gk_local_irq_save();
    gk_mmu_batch_init(&b);
    for (size_t i = 0; i < nr; i++) {
        size_t n = first + i, slot = n / L1_PAGES;
        uint64_t pte = pte_of(n);

        if (mfns)
            mfns[i] = (pte & PTE_P) ? (pte & PTE_ADDR_MASK) >> PAGE_SHIFT : 0;
        if (!(pte & PTE_P))
            continue;
        gk_mmu_batch_pte(&b, l1_mfn[slot], (unsigned int)(n % L1_PAGES), 0);
        l1_used[slot]--;
        nr_mapped--;
        was_mapped++;
    }
    gk_mmu_batch_want_flush(&b);
    rc = gk_mmu_batch_submit(&b);
    if (!rc)
        rc = release_empty_l1s(first / L1_PAGES,
                               (first + nr - 1) / L1_PAGES);
    gk_local_irq_restore(irq);
    return rc ? rc : (long)was_mapped;
}

uint64_t gk_vm_pte(const void *va)
{
    size_t n;
    uint64_t pte;
    unsigned int irq;

    if (!ready || !gk_vm_contains(va))
        return 0;
    n = ((uint64_t)va - GK_VM_BASE) >> PAGE_SHIFT;
    irq = gk_local_irq_save();
    pte = pte_of(n);
    gk_local_irq_restore(irq);
    return pte;
}

void gk_vm_get_stats(struct gk_vm_stats *out)
{
    unsigned int irq = gk_local_irq_save();

    out->nr_mapped = nr_mapped;
    out->nr_reserved = nr_reserved;
    out->nr_tables = ready ? 3 + nr_l1 : 0;
    gk_local_irq_restore(irq);
}

uint64_t gk_vm_table_mfn(const void *va, unsigned int level)
{
    size_t n;

    if (!ready || !gk_vm_contains(va))
        return 0;
    n = ((uint64_t)va - GK_VM_BASE) >> PAGE_SHIFT;
    switch (level) {
    case 1:
        return l1_mfn[n / L1_PAGES];
    case 2:
        return l2_mfn;
    case 3:
        return l3_mfn;
    default:
        return 0;
    }
}
