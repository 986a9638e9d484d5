/* SPDX-License-Identifier: MIT */
/* Frame table, frame allocator (a bitmap) and the M2P table. */
#include "mm/frame.h"
#include "mm/e820.h"
#include "mm/hv-pagetable.h"
#include "arch/x86/multiboot.h"
#include "arch/x86/page.h"
#include "console/console.h"
#include "lib/spinlock.h"

#include <abi/memory.h>
#include <hv/compiler.h>
#include <string.h>

struct e820_entry host_e820[MAX_E820];
uint32_t nr_host_e820;
struct page_info *frame_table;
mfn_t max_mfn;

static uint64_t *free_bitmap;          /* bit set = frame free */
static uint64_t *m2p;                  /* direct-map view of the M2P */
static mfn_t alloc_hint;
static unsigned long nr_free, nr_ram;
static DEFINE_SPINLOCK(frame_lock);

/* Boot-time bump allocator over RAM above everything the loader placed. */
static const struct multiboot_info *boot_mbi;
static paddr_t boot_cursor;

static bool next_ram_range(paddr_t from, paddr_t *start, paddr_t *end)
{
    const uint8_t *p = maddr_to_virt(boot_mbi->mmap_addr);
    const uint8_t *e = p + boot_mbi->mmap_length;
    paddr_t best = ~0UL, best_end = 0;

    for (; p < e; p += ((const struct multiboot_mmap *)p)->size + 4) {
        const struct multiboot_mmap *m = (const void *)p;
        paddr_t s = ALIGN_UP(m->addr, PAGE_SIZE);
        paddr_t t = ALIGN_DOWN(m->addr + m->len, PAGE_SIZE);

        if (m->type != E820_RAM || t <= from || s >= t)
            continue;
        if (s < from)
            s = from;
        if (s < best) {
            best = s;
            best_end = t;
        }
    }
    *start = best;
    *end = best_end;
    return best != ~0UL;
}

static void record_host_e820(const struct multiboot_info *mbi)
{
    const uint8_t *p = maddr_to_virt(mbi->mmap_addr);
    const uint8_t *e = p + mbi->mmap_length;

    for (; p < e && nr_host_e820 < MAX_E820;
         p += ((const struct multiboot_mmap *)p)->size + 4) {
        const struct multiboot_mmap *m = (const void *)p;

        host_e820[nr_host_e820++] = (struct e820_entry){ m->addr, m->len,
                                                         m->type };
    }
}

static bool allocator_live;

paddr_t boot_alloc(size_t bytes)
{
    paddr_t s, e;

    /* Past mm_init the frame allocator owns this memory. */
    if (allocator_live)
        panic("boot_alloc after boot: use frame_alloc");
    bytes = ALIGN_UP(bytes, PAGE_SIZE);
    while (next_ram_range(boot_cursor, &s, &e)) {
        if (e - s >= bytes) {
            boot_cursor = s + bytes;
            memset(maddr_to_virt(s), 0, bytes);
            return s;
        }
        boot_cursor = e;
    }
    panic("out of memory at boot allocating %zu bytes", bytes);
}

static void bitmap_set(mfn_t mfn, bool free)
{
    if (free)
        free_bitmap[mfn / 64] |= 1UL << (mfn % 64);
    else
        free_bitmap[mfn / 64] &= ~(1UL << (mfn % 64));
}

static bool bitmap_free(mfn_t mfn)
{
    return free_bitmap[mfn / 64] & (1UL << (mfn % 64));
}

void mm_init(const struct multiboot_info *mbi, paddr_t reserved_top)
{
    paddr_t s, e, max_pa = 0;
    size_t m2p_bytes;

    if (!(mbi->flags & MBI_MMAP))
        panic("boot loader gave no memory map");
    boot_mbi = mbi;
    record_host_e820(mbi);
    boot_cursor = ALIGN_UP(reserved_top, PAGE_SIZE);
    for (paddr_t at = 0; next_ram_range(at, &s, &e); at = e)
        max_pa = e;
    max_mfn = max_pa >> PAGE_SHIFT;

    frame_table = maddr_to_virt(boot_alloc(max_mfn * sizeof(*frame_table)));
    for (mfn_t m = 0; m < max_mfn; m++) {
        frame_table[m].owner = DOMID_XEN;
        frame_table[m].count_info = 1;
        frame_table[m].pfn = M2P_INVALID;
    }
    /* Holes between RAM ranges (ROM, ACPI tables, devices): I/O memory. */
    for (paddr_t at = 0; at < max_pa; at = e) {
        if (!next_ram_range(at, &s, &e))
            break;
        for (mfn_t m = at >> PAGE_SHIFT; m < (s >> PAGE_SHIFT); m++)
            frame_table[m].owner = DOMID_IO;
    }
    free_bitmap = maddr_to_virt(boot_alloc(ALIGN_UP(max_mfn, 64) / 8));
    m2p_bytes = ALIGN_UP(max_mfn * sizeof(uint64_t), PAGE_SIZE);
    m2p = maddr_to_virt(boot_alloc(m2p_bytes));
    memset(m2p, 0xFF, m2p_bytes);

    hv_pagetables_init(max_pa, virt_to_maddr(m2p), m2p_bytes);

    /* Everything the bump allocator has not reached is free RAM. */
    for (paddr_t at = boot_cursor; next_ram_range(at, &s, &e); at = e)
        for (paddr_t pa = s; pa < e; pa += PAGE_SIZE) {
            mfn_t m = pa >> PAGE_SHIFT;

            frame_table[m].owner = DOMID_INVALID;
            frame_table[m].count_info = 0;
            bitmap_set(m, true);
            nr_free++;
            nr_ram++;
        }
    alloc_hint = boot_cursor >> PAGE_SHIFT;
    allocator_live = true;
    printk("memory: %lu MiB RAM, %lu frames free, M2P %zu KiB",
           max_pa >> 20, nr_free, m2p_bytes >> 10);
}

bool frame_allocator_live(void)
{
    return allocator_live;
}

bool frame_owned_by(mfn_t mfn, domid_t domid)
{
    return mfn_valid(mfn) && frame_table[mfn].owner == domid &&
           (frame_table[mfn].count_info & PGC_allocated);
}

static mfn_t find_free_run(mfn_t from, mfn_t to, unsigned long nr)
{
    unsigned long run = 0;

    for (mfn_t m = from; m < to; m++) {
        if (!(m % 64) && !free_bitmap[m / 64] && m + 64 <= to) {
            run = 0;
            m += 63;
            continue;
        }
        run = bitmap_free(m) ? run + 1 : 0;
        if (run == nr)
            return m + 1 - nr;
    }
    return INVALID_MFN;
}

mfn_t frame_alloc(domid_t owner, unsigned long nr)
{
    mfn_t mfn;

    if (!nr)
        return INVALID_MFN;
    spin_lock(&frame_lock);
    mfn = find_free_run(alloc_hint, max_mfn, nr);
    if (mfn == INVALID_MFN)
        mfn = find_free_run(0, max_mfn, nr);
    if (mfn != INVALID_MFN) {
        for (unsigned long i = 0; i < nr; i++) {
            struct page_info *pg = &frame_table[mfn + i];

            bitmap_set(mfn + i, false);
            pg->owner = owner;
            pg->count_info = PGC_allocated | 1;
            pg->type_info = 0;
            pg->pfn = M2P_INVALID;
        }
        nr_free -= nr;
        alloc_hint = mfn + nr;
    }
    spin_unlock(&frame_lock);
    if (mfn != INVALID_MFN)
        memset(mfn_to_virt(mfn), 0, nr * PAGE_SIZE);
    return mfn;
}

void frame_free(mfn_t mfn, unsigned long nr)
{
    spin_lock(&frame_lock);
    for (unsigned long i = 0; i < nr; i++) {
        struct page_info *pg = &frame_table[mfn + i];

        pg->owner = DOMID_INVALID;
        pg->count_info = 0;
        pg->type_info = 0;
        pg->pfn = M2P_INVALID;
        m2p[mfn + i] = M2P_INVALID;
        bitmap_set(mfn + i, true);
    }
    nr_free += nr;
    spin_unlock(&frame_lock);
}

unsigned long frame_nr_free(void)
{
    return nr_free;
}

unsigned long frame_nr_ram(void)
{
    return nr_ram;
}

void *hv_alloc_pages(unsigned long nr)
{
    mfn_t mfn = frame_alloc(DOMID_XEN, nr);

    return mfn == INVALID_MFN ? NULL : mfn_to_virt(mfn);
}

void hv_free_pages(void *va, unsigned long nr)
{
    frame_free(virt_to_mfn(va), nr);
}

void m2p_set(mfn_t mfn, uint64_t pfn)
{
    m2p[mfn] = pfn;
    frame_table[mfn].pfn = pfn;
}

uint64_t m2p_get(mfn_t mfn)
{
    return mfn_valid(mfn) ? m2p[mfn] : M2P_INVALID;
}
