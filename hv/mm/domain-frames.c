/* SPDX-License-Identifier: MIT */
/*
 * Release of a domain's memory at destroy. A frame still referenced by
 * someone else (a mapping in another domain) must not be reused while that
 * reference lives, so only the allocation reference is dropped here.
 */
#include "mm/domain-frames.h"
#include "mm/frame.h"
#include "mm/mm-env.h"
#include "mm/reservation.h"

#include <abi/memory.h>

void domain_release_frames(domid_t domid, unsigned long *freed,
                           unsigned long *kept)
{
    *freed = *kept = 0;
    mm_lock();
    for (mfn_t m = 0; m < max_mfn; m++) {
        struct page_info *pg = mfn_to_page(m);

        if (pg->owner != domid || !(pg->count_info & PGC_allocated))
            continue;
        frame_give_back(m);
        if (pg->owner == DOMID_INVALID)
            (*freed)++;
        else
            (*kept)++;
    }
    mm_unlock();
}

void domain_unpin_all(domid_t domid)
{
    struct pt_dom dom = { .domid = domid };
    const char *why;

    mm_lock();
    for (mfn_t m = 0; m < max_mfn; m++) {
        struct page_info *pg = mfn_to_page(m);

        if (pg->owner == domid && (pg->type_info & PGT_pinned))
            pt_unpin(mm_env(), &dom, m, &why);
    }
    mm_unlock();
}

unsigned long domain_count_frames(domid_t domid)
{
    unsigned long n = 0;

    /* hv's shared page is not the domain's memory (Xen does not count it). */
    for (mfn_t m = 0; m < max_mfn; m++)
        n += mfn_to_page(m)->owner == domid &&
             (mfn_to_page(m)->count_info & PGC_allocated) &&
             !(mfn_to_page(m)->count_info & PGC_hv_shared);
    return n;
}
