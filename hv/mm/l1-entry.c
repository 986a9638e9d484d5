/* SPDX-License-Identifier: MIT */
/* Validation and reference counting of guest L1 entries (reference §5.4). */
#include "mm/l1-entry.h"
#include "arch/x86/page.h"
#include "domain/domain.h"
#include "mm/frame.h"
#include "mm/page-ref.h"

#include <abi/pv64.h>
#include <hv/errno.h>

/* Bits a guest may set in an L1 entry: P RW US A D, 9-11, 52-62, NX. */
#define L1_ALLOWED (_PAGE_PRESENT | _PAGE_RW | _PAGE_USER | _PAGE_ACCESSED | \
                    _PAGE_DIRTY | (7UL << 9) | (0x7FFUL << 52) | _PAGE_NX | \
                    PTE_ADDR_MASK)
#define L1_CACHE   (_PAGE_PWT | _PAGE_PCD | _PAGE_PAT)
/* hv marks kernel-only mappings it made user-accessible (as Xen does). */
#define _PAGE_GUEST_KERNEL (1UL << 52)

int l1e_get(struct domain *d, uint64_t new, uint64_t *adjusted,
            const char **why)
{
    mfn_t mfn = pte_mfn(new);
    struct page_info *pg;

    if (!(new & _PAGE_PRESENT)) {
        *adjusted = new;
        return 0;
    }
    /* Cacheability is for domains with device access only. */
    if (new & ~(L1_ALLOWED | (is_privileged(d) ? L1_CACHE : 0))) {
        *why = new & _PAGE_GLOBAL ? "global bit" : "reserved or cache bits";
        return -EINVAL;
    }
    if (!mfn_valid(mfn)) {
        /* Not RAM: device memory, which needs I/O rights hv gives no one. */
        *why = "frame is not RAM and the domain has no I/O-memory rights";
        return -EPERM;
    }
    if (!frame_owned_by(mfn, d->domain_id)) {
        *why = "frame not owned by the domain";
        return -EINVAL;
    }
    pg = mfn_to_page(mfn);
    if ((new & _PAGE_RW) && !page_get_type(mfn, PGT_writable)) {
        *why = "writable mapping of a page-table or descriptor frame";
        return -EINVAL;
    }
    pg->count_info++;
    /* Guest kernels run in ring 3: every mapping must be user-visible. */
    if (!(new & _PAGE_USER))
        new |= _PAGE_USER | _PAGE_GUEST_KERNEL;
    *adjusted = new;
    return 0;
}

void l1e_put(uint64_t old)
{
    mfn_t mfn = pte_mfn(old);

    if (!(old & _PAGE_PRESENT) || !mfn_valid(mfn))
        return;
    if (old & _PAGE_RW)
        page_put_type(mfn);
    mfn_to_page(mfn)->count_info--;
}

uint64_t *l1e_slot(mfn_t l4_mfn, uint64_t va, const char **why)
{
    static const unsigned int shift[3] = { 39, 30, 21 };
    static const uint64_t type[3] = { PGT_l4, PGT_l3, PGT_l2 };
    mfn_t mfn = l4_mfn;

    if (!is_canonical(va) ||
        (va >= HYPERVISOR_VIRT_START && va < HYPERVISOR_VIRT_END)) {
        *why = "address outside the guest's range";
        return NULL;
    }
    for (unsigned int lvl = 0; lvl < 3; lvl++) {
        uint64_t e;

        if (!mfn_valid(mfn) || page_type(mfn) != type[lvl]) {
            *why = "table of the walk is not validated";
            return NULL;
        }
        e = ((uint64_t *)mfn_to_virt(mfn))[(va >> shift[lvl]) & 511];
        if (!(e & _PAGE_PRESENT) || (e & _PAGE_PSE)) {
            *why = "no L1 table maps this address";
            return NULL;
        }
        mfn = pte_mfn(e);
    }
    if (!mfn_valid(mfn) || page_type(mfn) != PGT_l1) {
        *why = "no validated L1 table maps this address";
        return NULL;
    }
    return (uint64_t *)mfn_to_virt(mfn) + ((va >> 12) & 511);
}
