/* SPDX-License-Identifier: MIT */
/* L1 entries for hv code outside mm/: thin wrappers of page-type.c. */
#include "mm/l1-entry.h"
#include "arch/x86/page.h"
#include "domain/domain.h"
#include "mm/mm-env.h"

int l1e_get(struct domain *d, uint64_t new, uint64_t *adjusted,
            const char **why)
{
    struct pt_dom dom = mm_dom(d);
    int rc;

    mm_lock();
    rc = pt_l1e_get(mm_env(), &dom, new, adjusted, why);
    mm_unlock();
    return rc;
}

void l1e_put(uint64_t old)
{
    mm_lock();
    pt_l1e_put(mm_env(), old);
    mm_unlock();
}

uint64_t *l1e_slot(mfn_t l4_mfn, uint64_t va, const char **why)
{
    uint64_t l1;
    unsigned int idx;
    int rc;

    mm_lock();
    rc = pt_walk_l1(mm_env(), l4_mfn, va, &l1, &idx, why);
    mm_unlock();
    return rc ? NULL : (uint64_t *)mfn_to_virt(l1) + idx;
}
