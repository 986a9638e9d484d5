/* SPDX-License-Identifier: MIT */
/* mmu_update (1): checked writes of page-table entries and of the M2P. */
#include "hypercall/hypercall.h"
#include "console/console.h"
#include "domain/domain.h"
#include "mm/mm-env.h"
#include "mm/mm-batch.h"

#include <abi/hypercall.h>
#include <abi/mmu.h>
#include <hv/errno.h>

/* One request; 0 or the errno that stops the batch. */
static long mmu_update_one(struct vcpu *v, const struct pt_dom *dom,
                           const void *elem)
{
    const struct mmu_update *req = elem;
    struct pt_env *env = mm_env();
    uint64_t mfn = req->ptr >> 12;
    unsigned int idx = (req->ptr & 0xFFF) >> 3, level;
    const char *why = "";
    int rc;

    /* The command is in the low 3 bits: 4-7 (a misaligned ptr) are none. */
    switch (req->ptr & 7) {
    case MMU_NORMAL_PT_UPDATE:
    case MMU_PT_UPDATE_PRESERVE_AD:
    case MMU_PT_UPDATE_NO_TRANSLATE:
        rc = pt_update(env, dom, mfn, idx, req->val,
                       (req->ptr & 7) == MMU_PT_UPDATE_PRESERVE_AD, &level,
                       &why);
        if (!rc)
            return 0;
        if (!level)
            return gerr(v, rc, "mmu_update: frame %#lx: %s", mfn, why);
        return gerr(v, rc, "mmu_update: L%u frame %#lx slot %u = %#lx "
                    "(frame %#lx): %s", level, mfn, idx, req->val,
                    (req->val & PTE_FRAME) >> 12, why);
    case MMU_MACHPHYS_UPDATE:
        if (!frame_owned_by(mfn, dom->domid))
            return gerr(v, -EINVAL, "mmu_update: M2P of frame %#lx, not "
                        "the domain's", mfn);
        m2p_set(mfn, req->val);
        return 0;
    default:
        return gerr(v, -ENOSYS, "mmu_update: command %lu in ptr %#lx",
                    req->ptr & 7, req->ptr);
    }
}

/*
 * mmu_update(reqs, count, done, foreigndom): run count requests {ptr,
 * val} in order; ptr's low 3 bits pick the command (reference §5.1).
 * Stops at the first error, returns it, and writes the number of requests
 * done to *done (if given). Preempted batches continue with bit 31 of
 * count set; *done then carries the count so far.
 *   -EINVAL  a refused entry, frame or table (see pt_update)
 *   -EBUSY   an L1 entry naming a frame that is not ours or cannot be
 *            mapped writable
 *   -EPERM   not RAM, or a foreign domain
 *   -ESRCH   no such foreign domain
 *   -ENOSYS  command 4-7
 *   -EFAULT  a request unreadable
 */
long hc_mmu_update(struct vcpu *v, uint64_t reqs, uint64_t count,
                   uint64_t pdone, uint64_t fd, uint64_t a5)
{
    return mm_batch(v, __HYPERVISOR_mmu_update, "mmu_update", reqs, count,
                    pdone, fd, sizeof(struct mmu_update), mmu_update_one);
}
