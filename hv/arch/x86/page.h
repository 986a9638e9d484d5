/* SPDX-License-Identifier: MIT */
/* x86_64 4-level page-table entries and the direct map. */
#ifndef HV_ARCH_X86_PAGE_H
#define HV_ARCH_X86_PAGE_H

#include <hv/config.h>
#include <hv/types.h>

#define _PAGE_PRESENT  (1UL << 0)
#define _PAGE_RW       (1UL << 1)
#define _PAGE_USER     (1UL << 2)
#define _PAGE_PWT      (1UL << 3)
#define _PAGE_PCD      (1UL << 4)
#define _PAGE_ACCESSED (1UL << 5)
#define _PAGE_DIRTY    (1UL << 6)
#define _PAGE_PSE      (1UL << 7)
#define _PAGE_PAT      (1UL << 7)
#define _PAGE_GLOBAL   (1UL << 8)
#define _PAGE_NX       (1UL << 63)
#define PTE_ADDR_MASK  0x000FFFFFFFFFF000UL

#define L1_PAGETABLE_SHIFT 12
#define L2_PAGETABLE_SHIFT 21
#define L3_PAGETABLE_SHIFT 30
#define L4_PAGETABLE_SHIFT 39
#define PT_ENTRIES 512

#define l1_index(va) (((va) >> L1_PAGETABLE_SHIFT) & 511)
#define l2_index(va) (((va) >> L2_PAGETABLE_SHIFT) & 511)
#define l3_index(va) (((va) >> L3_PAGETABLE_SHIFT) & 511)
#define l4_index(va) (((va) >> L4_PAGETABLE_SHIFT) & 511)

static inline void *maddr_to_virt(paddr_t ma)
{
    return (void *)(DIRECTMAP_VIRT_START + ma);
}

static inline void *mfn_to_virt(mfn_t mfn)
{
    return maddr_to_virt(mfn << PAGE_SHIFT);
}

static inline paddr_t virt_to_maddr(const void *va)
{
    return (unsigned long)va - DIRECTMAP_VIRT_START;
}

static inline mfn_t virt_to_mfn(const void *va)
{
    return virt_to_maddr(va) >> PAGE_SHIFT;
}

static inline mfn_t pte_mfn(uint64_t pte)
{
    return (pte & PTE_ADDR_MASK) >> PAGE_SHIFT;
}

static inline bool is_canonical(uint64_t va)
{
    return (uint64_t)(((int64_t)va << 16) >> 16) == va;
}

#endif
