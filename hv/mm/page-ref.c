/* SPDX-License-Identifier: MIT */
/* Type references on frames (the seed of the full page-type machine). */
#include "mm/page-ref.h"
#include "arch/x86/cpu.h"

bool page_get_type(mfn_t mfn, uint64_t type)
{
    struct page_info *pg = mfn_to_page(mfn);
    uint64_t count = pg->type_info & PGT_count_mask;

    if (count == PGT_count_mask)
        return false;
    if (count == 0) {
        /*
         * A frame that was writable may still be writable through a stale
         * TLB entry: flush before it becomes anything else. (One CPU for
         * now; with several, every CPU the owner ran on.)
         */
        if (type != PGT_writable)
            flush_tlb_local();
        pg->type_info = type | 1;
    }
    else if ((pg->type_info & PGT_type_mask) != type)
        return false;
    else
        pg->type_info++;
    return true;
}

void page_put_type(mfn_t mfn)
{
    struct page_info *pg = mfn_to_page(mfn);

    if ((pg->type_info & PGT_count_mask) == 1)
        pg->type_info = PGT_none;
    else if (pg->type_info & PGT_count_mask)
        pg->type_info--;
}
