/* SPDX-License-Identifier: MIT */
/* foreigndom and the batch loop of mmu_update and mmuext_op. */
#include "mm/mm-batch.h"
#include "hypercall/continuation.h"
#include "hypercall/guest-copy.h"
#include "console/console.h"
#include "domain/domain.h"
#include "mm/mm-env.h"

#include <abi/hypercall.h>
#include <abi/memory.h>
#include <hv/errno.h>

/* A privileged domain may name another (building or inspecting it). */
static long check_one(struct vcpu *v, const char *op, uint16_t id,
                      const char *what)
{
    struct domain *d = v->domain;

    if (id == DOMID_SELF)
        return 0;
    if (id == DOMID_IO)
        return 0;
    if (id == DOMID_XEN)
        return is_privileged(d)
                   ? 0
                   : gerr(v, -EPERM, "%s: %s DOMID_XEN needs privilege", op,
                          what);
    if (id == d->domain_id)
        return gerr(v, -ESRCH, "%s: %s names the caller; use DOMID_SELF",
                    op, what);
    if (!domain_lookup(id))
        return gerr(v, -ESRCH, "%s: %s d%u does not exist", op, what, id);
    if (!is_privileged(d))
        return gerr(v, -EPERM, "%s: %s d%u: the caller is not privileged",
                    op, what, id);
    return 0;
}

/*
 * The rules one batch runs under. With a foreign domain FD named, an
 * mmu_update edits the caller's tables to map FD's frames, while an
 * mmuext_op acts on FD's own tables (pinning the L4 of a domain being
 * built, say).
 */
static struct pt_dom batch_dom(struct vcpu *v, unsigned int nr, uint16_t fd)
{
    struct pt_dom dom = mm_dom(v->domain);
    struct domain *f;

    if (fd == DOMID_SELF || fd >= DOMID_FIRST_RESERVED ||
        fd == v->domain->domain_id || !(f = domain_lookup(fd)))
        return dom;
    if (nr == __HYPERVISOR_mmuext_op)
        return mm_dom(f);
    dom.foreign_data = true;
    dom.data_domid = fd;
    return dom;
}

long mm_check_foreigndom(struct vcpu *v, const char *op, uint32_t fd)
{
    uint32_t pt = fd >> 16;

    /* The page-table owner is a real domain id plus one, never DOMID_*. */
    if (pt && pt - 1 != v->domain->domain_id) {
        if (pt - 1 >= DOMID_SELF || !domain_lookup(pt - 1))
            return gerr(v, -ESRCH, "%s: page-table owner d%u does not "
                        "exist", op, pt - 1);
        return gerr(v, -EPERM, "%s: page tables of d%u: foreign tables "
                    "not supported yet", op, pt - 1);
    }
    return check_one(v, op, fd & 0xFFFF, "data-frame owner");
}

long mm_batch(struct vcpu *v, unsigned int nr, const char *name,
              uint64_t arr, uint64_t count, uint64_t pdone, uint64_t fd,
              size_t elem_size, mm_batch_fn fn)
{
    struct pt_dom dom;
    uint32_t done = 0, n = (uint32_t)count;
    uint64_t elem[4], i, work;
    long rc;

    if (n & MMU_UPDATE_PREEMPTED) {
        n &= ~MMU_UPDATE_PREEMPTED;
        if (pdone && copy_from_guest(&done, pdone, sizeof(done)))
            done = 0;
    }
    rc = mm_check_foreigndom(v, name, (uint32_t)fd);
    if (rc)
        return rc;
    dom = batch_dom(v, nr, fd & 0xFFFF);

    mm_lock();
    work = mm_env()->work;
    for (i = 0; i < n; i++) {
        if (i && (i % HYPERCALL_BUDGET == 0 ||
                  mm_env()->work - work > MM_WORK_BUDGET) &&
            hypercall_may_preempt(v)) {
            mm_unlock();
            done += i;
            if (pdone)
                (void)copy_to_guest(pdone, &done, sizeof(done));
            return hypercall_continue(nr, arr + i * elem_size,
                                      (n - i) | MMU_UPDATE_PREEMPTED, pdone,
                                      fd, 0);
        }
        if (copy_from_guest_idx(elem, arr, i, elem_size)) {
            rc = gerr(v, -EFAULT, "%s: element %lu unreadable", name, i);
            break;
        }
        rc = fn(v, &dom, elem);
        if (rc)
            break;
    }
    mm_unlock();
    done += i;
    if (pdone)
        (void)copy_to_guest(pdone, &done, sizeof(done));
    return rc;
}
