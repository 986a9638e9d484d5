/* SPDX-License-Identifier: MIT */
/*
 * Release of a domain's memory at destroy. A frame still referenced by
 * someone else (a mapping in another domain) must not be reused while that
 * reference lives, so only the allocation reference is dropped here.
 */
#include "mm/domain-frames.h"
#include "mm/frame.h"

void domain_release_frames(domid_t domid, unsigned long *freed,
                           unsigned long *kept)
{
    *freed = *kept = 0;
    for (mfn_t m = 0; m < max_mfn; m++) {
        struct page_info *pg = mfn_to_page(m);

        if (pg->owner != domid || !(pg->count_info & PGC_allocated))
            continue;
        pg->count_info &= ~PGC_allocated;
        if ((pg->count_info & PGC_count_mask) <= 1) {
            frame_free(m, 1);
            (*freed)++;
        } else {
            pg->count_info--;
            (*kept)++;
        }
    }
}

unsigned long domain_count_frames(domid_t domid)
{
    unsigned long n = 0;

    for (mfn_t m = 0; m < max_mfn; m++)
        n += mfn_to_page(m)->owner == domid &&
             (mfn_to_page(m)->count_info & PGC_allocated);
    return n;
}
