/* SPDX-License-Identifier: MIT */
/*
 * hv's page tables. The L3s under slots 256-271 are shared by the idle L4
 * and by every guest L4 (their slots are copies), so hv maps something once
 * and it is visible in every address space. Only slot 256 (the RO M2P) is
 * reachable from ring 3.
 */
#include "mm/hv-pagetable.h"
#include "arch/x86/cpu.h"
#include "arch/x86/page.h"
#include "console/console.h"
#include "mm/frame.h"

#include <hv/compiler.h>
#include <string.h>

#define HV_TABLE  (_PAGE_PRESENT | _PAGE_RW | _PAGE_ACCESSED | _PAGE_DIRTY)
#define HV_LARGE  (HV_TABLE | _PAGE_PSE | _PAGE_GLOBAL)
#define HV_PAGE   (HV_TABLE | _PAGE_GLOBAL)
#define RO_USER   (_PAGE_PRESENT | _PAGE_USER | _PAGE_ACCESSED)

static uint64_t *idle_l4;
static uint64_t *percpu_l1;        /* windows of CPUs 0..31 */
static mfn_t zero_mfn;

static uint64_t *new_table(void)
{
    uint64_t *t;

    if (!frame_allocator_live())
        return maddr_to_virt(boot_alloc(PAGE_SIZE));
    t = hv_alloc_pages(1);
    if (!t)
        panic("out of memory for hv page tables");
    return t;
}

/* Return the next-level table under entry e, creating it with flags. */
static uint64_t *walk_alloc(uint64_t *table, unsigned int idx, uint64_t flags)
{
    if (!(table[idx] & _PAGE_PRESENT))
        table[idx] = virt_to_maddr(new_table()) | flags;
    return maddr_to_virt(table[idx] & PTE_ADDR_MASK);
}

static uint64_t *l1_for(unsigned long va, uint64_t l4f, uint64_t lowerf)
{
    uint64_t *l3 = walk_alloc(idle_l4, l4_index(va), l4f);
    uint64_t *l2 = walk_alloc(l3, l3_index(va), lowerf);

    return walk_alloc(l2, l2_index(va), lowerf);
}

void hv_pagetables_init(paddr_t max_pa, paddr_t m2p_pa, size_t m2p_bytes)
{
    idle_l4 = new_table();

    /* Every hv slot gets its L3 now, so guest L4 copies never go stale. */
    for (unsigned int s = HV_FIRST_L4_SLOT; s <= HV_LAST_L4_SLOT; s++)
        walk_alloc(idle_l4, s, s == RO_MPT_L4_SLOT ? RO_USER : HV_TABLE);

    /* Direct map of all RAM with 2 MiB pages, supervisor only. */
    for (paddr_t pa = 0; pa < ALIGN_UP(max_pa, 1UL << 21); pa += 1UL << 21) {
        unsigned long va = DIRECTMAP_VIRT_START + pa;
        uint64_t *l3 = maddr_to_virt(idle_l4[l4_index(va)] & PTE_ADDR_MASK);
        uint64_t *l2 = walk_alloc(l3, l3_index(va), HV_TABLE);

        l2[l2_index(va)] = pa | HV_LARGE;
    }

    /* The M2P, read-only and user-visible (with RW only at lower levels). */
    for (size_t off = 0; off < m2p_bytes; off += PAGE_SIZE) {
        unsigned long va = RO_MPT_VIRT_START + off;
        uint64_t *l1 = l1_for(va, RO_USER, RO_USER | _PAGE_RW);

        l1[l1_index(va)] = (m2p_pa + off) | RO_USER;
    }

    /* Per-CPU GDT windows: all pages start as the zero page. */
    zero_mfn = boot_alloc(PAGE_SIZE) >> PAGE_SHIFT;
    percpu_l1 = l1_for(PERCPU_VIRT_START, HV_TABLE, HV_TABLE);
    for (unsigned int i = 0; i < PT_ENTRIES; i++)
        percpu_l1[i] = (zero_mfn << PAGE_SHIFT) | _PAGE_PRESENT |
                       _PAGE_ACCESSED;

    write_cr3(virt_to_maddr(idle_l4));
    write_cr4(read_cr4() | X86_CR4_PGE);
}

paddr_t idle_l4_maddr(void)
{
    return virt_to_maddr(idle_l4);
}

void hv_fill_guest_l4(uint64_t *l4)
{
    for (unsigned int s = HV_FIRST_L4_SLOT; s <= HV_LAST_L4_SLOT; s++)
        l4[s] = idle_l4[s];
}

static void percpu_map(unsigned long va, mfn_t mfn, bool writable);

void percpu_gdt_map(unsigned int cpu, unsigned int idx, mfn_t mfn,
                    bool writable)
{
    percpu_map(PERCPU_GDT_VIRT(cpu) + idx * PAGE_SIZE, mfn, writable);
}

/*
 * LDT pages are descriptor pages no guest maps writable; the CPU may set
 * accessed bits in them, so hv's own window maps them writable.
 */
void percpu_ldt_map(unsigned int cpu, unsigned int idx, mfn_t mfn)
{
    unsigned long va = PERCPU_LDT_VIRT(cpu) + idx * PAGE_SIZE;

    /* Not present until loaded: the first access faults into hv. */
    if (mfn == INVALID_MFN) {
        percpu_l1[l1_index(va)] = 0;
        invlpg(va);
        return;
    }
    percpu_map(va, mfn, true);
}

static void percpu_map(unsigned long va, mfn_t mfn, bool writable)
{
    uint64_t pte = _PAGE_PRESENT | _PAGE_ACCESSED;

    if (mfn == INVALID_MFN)
        mfn = zero_mfn;
    else if (writable)
        pte |= _PAGE_RW | _PAGE_DIRTY;
    percpu_l1[l1_index(va)] = (mfn << PAGE_SHIFT) | pte;
    invlpg(va);
}

void *hv_map_mmio_boot(paddr_t pa)
{
    static unsigned int next;
    unsigned long va = MMIO_VIRT_START + (unsigned long)next++ * PAGE_SIZE;
    uint64_t *l1 = l1_for(va, HV_TABLE, HV_TABLE);

    l1[l1_index(va)] = (pa & PAGE_MASK) | HV_TABLE | _PAGE_PCD | _PAGE_PWT |
                       _PAGE_GLOBAL;
    invlpg(va);
    return (void *)(va + (pa & ~PAGE_MASK));
}
