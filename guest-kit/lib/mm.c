/* SPDX-License-Identifier: MIT */
/* Frames, scratch mappings and one-element MMU hypercalls for tests. */
#include "gk/mm.h"

#include <string.h>

#include "abi/memory.h"
#include "gk/boot.h"
#include "gk/hypercall.h"
#include "gk/pagetable.h"
#include "gk/test.h"
#include "gk/traps.h"

/* Frames handed out so far, counted down from the top of the P2M. */
static uint64_t nr_allocated;

uint64_t gk_mm_slot_va(unsigned int slot)
{
    /*
     * The boot stack follows the page tables; at least 512 KiB of mapped
     * padding follows it (reference §2.2). Skip two pages for safety.
     */
    const struct start_info *si = gk_start_info;

    return si->pt_base + (si->nr_pt_frames + 3 + slot % GK_MM_NR_SLOTS) *
                         PAGE_SIZE;
}

uint64_t gk_mm_va_to_mfn(uint64_t va)
{
    return gk_pfn_to_mfn(va >> PAGE_SHIFT);
}

uint64_t gk_mm_l4_mfn(void)
{
    return gk_mm_va_to_mfn(gk_start_info->pt_base);
}

uint64_t gk_mm_boot_l3(void)
{
    const uint64_t *l4 = (const uint64_t *)gk_start_info->pt_base;

    return (l4[0] & PTE_ADDR_MASK) >> PAGE_SHIFT;
}

long gk_mm_map(unsigned int slot, uint64_t mfn, uint64_t flags)
{
    return HYPERVISOR_update_va_mapping(gk_mm_slot_va(slot),
                                        (mfn << PAGE_SHIFT) | flags | PTE_P,
                                        UVMF_INVLPG);
}

void *gk_mm_map_or_die(unsigned int slot, uint64_t mfn, uint64_t flags)
{
    long rc = gk_mm_map(slot, mfn, flags);

    if (rc)
        test_error("mapping mfn %#lx at slot %u: %ld", mfn, slot, rc);
    return (void *)gk_mm_slot_va(slot);
}

long gk_mm_unmap(unsigned int slot)
{
    return HYPERVISOR_update_va_mapping(gk_mm_slot_va(slot), 0, UVMF_INVLPG);
}

uint64_t gk_mm_alloc(void)
{
    uint64_t pfn, mfn;
    void *p;

    /* Stay clear of the boot mapping: it ends well below 8 MiB here. */
    if (gk_start_info->nr_pages < 2048 + nr_allocated + 1)
        test_error("no free frames left (%lu handed out)", nr_allocated);
    pfn = gk_start_info->nr_pages - 1 - nr_allocated++;
    mfn = gk_pfn_to_mfn(pfn);
    p = gk_mm_map_or_die(GK_MM_NR_SLOTS - 2, mfn, GK_PT_DATA);
    memset(p, 0, PAGE_SIZE);
    if (gk_mm_unmap(GK_MM_NR_SLOTS - 2))
        test_error("unmapping a scratch slot failed");
    return mfn;
}

uint64_t gk_mm_read(uint64_t mfn, unsigned int idx)
{
    const uint64_t *t = gk_mm_map_or_die(GK_MM_NR_SLOTS - 1, mfn, GK_PT_RO);
    uint64_t e = t[idx % 512];

    gk_mm_unmap(GK_MM_NR_SLOTS - 1);
    return e;
}

long gk_mmu_update1(uint64_t ptr, uint64_t val)
{
    struct mmu_update req = { .ptr = ptr, .val = val };

    return HYPERVISOR_mmu_update(&req, 1, NULL, DOMID_SELF);
}

long gk_mm_write(uint64_t mfn, unsigned int idx, uint64_t val)
{
    return gk_mmu_update1(((mfn << PAGE_SHIFT) + (idx % 512) * 8ULL) |
                          MMU_NORMAL_PT_UPDATE, val);
}

long gk_mmuext1(unsigned int cmd, uint64_t arg1, uint64_t arg2)
{
    struct mmuext_op op = { .cmd = cmd };

    op.arg1.mfn = arg1;
    op.arg2.vcpumask = arg2;
    return HYPERVISOR_mmuext_op(&op, 1, NULL, DOMID_SELF);
}

long gk_mm_pin(unsigned int level, uint64_t mfn)
{
    return gk_mmuext1(MMUEXT_PIN_L1_TABLE + level - 1, mfn, 0);
}

long gk_mm_unpin(uint64_t mfn)
{
    return gk_mmuext1(MMUEXT_UNPIN_TABLE, mfn, 0);
}

long gk_mm_build_window(unsigned int l3_idx, uint64_t *l2, uint64_t *l1)
{
    long rc;

    *l2 = gk_mm_alloc();
    *l1 = gk_mm_alloc();
    /* Untyped frames take plain writes; linking validates them. */
    rc = gk_mm_write(*l2, 0, (*l1 << PAGE_SHIFT) | GK_PT_TABLE);
    if (rc)
        return rc;
    return gk_mm_write(gk_mm_boot_l3(), l3_idx,
                       (*l2 << PAGE_SHIFT) | GK_PT_TABLE);
}

bool gk_mm_try_read(uint64_t va, uint64_t *val)
{
    unsigned int n = gk_nr_traps;
    uint64_t v = 0;

    __asm__ volatile("1: mov (%1), %0\n2:" GK_EXTABLE(1b, 2b)
                     : "+r"(v) : "r"(va) : "memory");
    *val = v;
    return gk_nr_traps == n;
}

bool gk_mm_try_write(uint64_t va, uint64_t val)
{
    unsigned int n = gk_nr_traps;

    __asm__ volatile("1: mov %1, (%0)\n2:" GK_EXTABLE(1b, 2b)
                     :: "r"(va), "r"(val) : "memory");
    return gk_nr_traps == n;
}
