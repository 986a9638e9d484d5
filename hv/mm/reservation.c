/* SPDX-License-Identifier: MIT */
/*
 * Growing and shrinking a domain's memory, for itself or (privileged) for
 * a domain being built. PV guests name frames by MFN; hv keeps the M2P
 * right and the guest keeps its own P2M.
 */
#include "mm/reservation.h"
#include "hypercall/continuation.h"
#include "hypercall/guest-copy.h"
#include "hypercall/hypercall.h"
#include "console/console.h"
#include "domain/domain.h"
#include "mm/frame.h"
#include "mm/mm-env.h"

#include <abi/hypercall.h>
#include <abi/memory.h>
#include <hv/errno.h>

/* Largest extent: 2 MiB, the most a PV guest can use in one piece. */
#define MAX_EXTENT_ORDER 9

void frame_give_back(mfn_t mfn)
{
    struct page_info *pg = mfn_to_page(mfn);

    /* Free now if nobody else holds it, else when its last user lets go. */
    pg->count_info &= ~PGC_allocated;
    pt_put_page(mm_env(), mfn);
}

static long target(struct vcpu *v, domid_t id, struct domain **out)
{
    if (id == DOMID_SELF || id == v->domain->domain_id) {
        *out = v->domain;
        return 0;
    }
    if (!is_privileged(v->domain))
        return gerr(v, -EPERM, "memory_op: d%u is not ours", id);
    *out = domain_lookup(id);
    return *out ? 0 : gerr(v, -ESRCH, "memory_op: no domain %u", id);
}

/* Allocate one extent for d; its first MFN, or INVALID_MFN. */
static mfn_t grow(struct domain *d, unsigned int order, uint64_t gpfn)
{
    unsigned long n = 1UL << order;
    mfn_t mfn;

    if (d->nr_pages + n > d->max_pages)
        return INVALID_MFN;
    mfn = frame_alloc(d->domain_id, n);
    if (mfn == INVALID_MFN)
        return INVALID_MFN;
    for (unsigned long i = 0; i < n; i++)
        m2p_set(mfn + i, gpfn == M2P_INVALID ? M2P_INVALID : gpfn + i);
    d->nr_pages += n;
    return mfn;
}

/* Give back one extent d owns; false if any frame of it cannot go. */
static bool shrink(struct vcpu *v, struct domain *d, mfn_t mfn,
                   unsigned int order)
{
    unsigned long n = 1UL << order;

    /*
     * hv's shared page is not the guest's to free; like Xen 4.17 the
     * request counts as done and changes nothing.
     */
    if (order == 0 && frame_owned_by(mfn, d->domain_id) &&
        (mfn_to_page(mfn)->count_info & PGC_hv_shared))
        return true;
    for (unsigned long i = 0; i < n; i++) {
        struct page_info *pg;

        if (!frame_owned_by(mfn + i, d->domain_id)) {
            gerr(v, 0, "decrease_reservation: frame %#lx not d%u's",
                 mfn + i, d->domain_id);
            return false;
        }
        pg = mfn_to_page(mfn + i);
        if (pg->count_info & PGC_hv_shared) {
            gerr(v, 0, "decrease_reservation: frame %#lx is hv's shared "
                 "page", mfn + i);
            return false;
        }
        /* A page table or descriptor page in use is never freed under
         * its users (no implicit unpin). */
        if ((pg->type_info & PGT_count_mask) &&
            (pg->type_info & PGT_type_mask) != PGT_writable) {
            gerr(v, 0, "decrease_reservation: frame %#lx is in use as a "
                 "page table or descriptor page", mfn + i);
            return false;
        }
    }
    for (unsigned long i = 0; i < n; i++)
        frame_give_back(mfn + i);
    d->nr_pages -= n;
    return true;
}

long memory_op_reservation(struct vcpu *v, unsigned int op, uint64_t start,
                           uint64_t arg)
{
    struct xen_memory_reservation r;
    struct domain *d;
    uint64_t i;
    long rc;

    /* As on Xen, an unreadable request is "nothing done", not -EFAULT. */
    if (copy_from_guest(&r, arg, sizeof(r)))
        return gerr(v, start, "memory_op: %#lx unreadable", arg);
    rc = target(v, r.domid, &d);
    if (rc)
        return rc;
    /*
     * As on Xen: a count whose progress a continuation could not encode
     * is refused outright, before any extent is touched.
     */
    if (r.nr_extents > (UINT32_MAX >> MEMOP_EXTENT_SHIFT)) {
        gerr(v, 0, "memory_op: %lu extents, limit %u", r.nr_extents,
             UINT32_MAX >> MEMOP_EXTENT_SHIFT);
        return start;
    }
    if (r.extent_order > MAX_EXTENT_ORDER) {
        gerr(v, 0, "memory_op: extent order %u above %u", r.extent_order,
             MAX_EXTENT_ORDER);
        return start;
    }

    mm_lock();
    for (i = start; i < r.nr_extents; i++) {
        uint64_t frame = 0;
        mfn_t mfn;

        if (i > start && (i - start) % HYPERCALL_BUDGET == 0 &&
            hypercall_may_preempt(v)) {
            mm_unlock();
            return hypercall_continue(__HYPERVISOR_memory_op,
                                      op | (i << MEMOP_EXTENT_SHIFT), arg, 0,
                                      0, 0);
        }
        if ((op != XENMEM_increase_reservation || r.extent_start) &&
            copy_from_guest_idx(&frame, r.extent_start, i, sizeof(frame)))
            break;
        if (op == XENMEM_decrease_reservation) {
            if (!shrink(v, d, frame, r.extent_order))
                break;
            continue;
        }
        mfn = grow(d, r.extent_order, op == XENMEM_populate_physmap
                                          ? frame : M2P_INVALID);
        if (mfn == INVALID_MFN)
            break;
        if (r.extent_start &&
            copy_to_guest_idx(r.extent_start, i, &mfn, sizeof(mfn))) {
            shrink(v, d, mfn, r.extent_order);
            break;
        }
    }
    mm_unlock();
    return i;
}
