/* SPDX-License-Identifier: MIT */
/* Reading the boot page tables through the M2P and the 1:1 boot map. */
#include "gk/pagetable.h"

#include <stddef.h>

#include "gk/boot.h"
#include "gk/x86.h"

uint64_t gk_pfn_to_mfn(uint64_t pfn)
{
    return ((const uint64_t *)gk_start_info->mfn_list)[pfn];
}

uint64_t gk_virt_to_ma(const void *va)
{
    uint64_t v = (uint64_t)va;

    return (gk_pfn_to_mfn(v >> PAGE_SHIFT) << PAGE_SHIFT) |
           (v & (PAGE_SIZE - 1));
}

const uint64_t *gk_mfn_to_virt(uint64_t mfn)
{
    uint64_t pfn = gk_m2p[mfn];

    /* Only frames of our boot region are mapped at pfn << 12. */
    if (pfn >= gk_start_info->nr_pages)
        return NULL;
    return (const uint64_t *)(pfn << PAGE_SHIFT);
}

int gk_pt_walk(uint64_t va, uint64_t pte[4])
{
    const uint64_t *table = (const uint64_t *)gk_start_info->pt_base;
    int level;

    for (level = 3; level >= 0; level--) {
        unsigned int idx = (va >> (PAGE_SHIFT + 9 * level)) & 511;

        pte[level] = table[idx];
        if (!(pte[level] & PTE_P) || level == 0)
            break;
        table = gk_mfn_to_virt((pte[level] & PTE_ADDR_MASK) >> PAGE_SHIFT);
        if (!table)
            return 4 - level;
    }
    return 4 - (level < 0 ? 0 : level);
}
