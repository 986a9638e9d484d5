/* SPDX-License-Identifier: MIT */
/* Type references for hv code outside mm/: thin wrappers of page-type.c. */
#include "mm/page-ref.h"
#include "mm/mm-env.h"

bool page_get_type(mfn_t mfn, uint64_t type)
{
    struct pt_dom dom;
    const char *why;
    int rc;

    if (!mfn_valid(mfn))
        return false;
    /* Callers check ownership first; the frame's owner is the domain. */
    dom = (struct pt_dom){ .domid = mfn_to_page(mfn)->owner };
    mm_lock();
    rc = pt_get_page_and_type(mm_env(), &dom, mfn, type, &why);
    mm_unlock();
    return rc == 0;
}

void page_put_type(mfn_t mfn)
{
    mm_lock();
    pt_put_page_and_type(mm_env(), mfn);
    mm_unlock();
}
