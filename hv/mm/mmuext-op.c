/* SPDX-License-Identifier: MIT */
/* mmuext_op (26): pins, base pointers, flushes, LDT and page copies. */
#include "hypercall/guest-copy.h"
#include "hypercall/hypercall.h"
#include "arch/x86/cpu.h"
#include "arch/x86/page.h"
#include "console/console.h"
#include "domain/domain.h"
#include "mm/mm-env.h"
#include "mm/mm-batch.h"

#include <abi/hypercall.h>
#include <abi/mmu.h>
#include <abi/pv64.h>
#include <hv/errno.h>
#include "pv/ldt.h"
#include <string.h>


/* Replace a base pointer: take the new L4 first, then drop the old one. */
static long set_base(struct vcpu *v, const struct pt_dom *dom, mfn_t mfn,
                     mfn_t *slot, const char *what)
{
    struct pt_env *env = mm_env();
    const char *why = "";
    mfn_t old = *slot;
    int rc;

    if (mfn != INVALID_MFN) {
        rc = pt_get_page_and_type(env, dom, mfn, PGT_l4, &why);
        if (rc)
            return gerr(v, rc, "mmuext_op: %s frame %#lx as L4: %s", what,
                        mfn, why);
    }
    *slot = mfn;
    if (slot == &v->guest_table && v->in_kernel && v == current_vcpu())
        write_cr3(mfn << PAGE_SHIFT);
    if (old != INVALID_MFN)
        pt_put_page_and_type(env, old);
    return 0;
}

/* A flush's vCPU mask must be readable even though one CPU needs none. */
static long read_vcpumask(struct vcpu *v, uint64_t ptr)
{
    uint64_t mask;

    if (copy_from_guest(&mask, ptr, sizeof(mask)))
        return gerr(v, -EINVAL, "mmuext_op: vcpu mask %#lx unreadable",
                    ptr);
    return 0;
}

static void invlpg_guest(uint64_t va)
{
    /* A non-canonical VA would fault in invlpg: Xen ignores it, so do we. */
    if (is_canonical(va))
        invlpg(va);
}

/*
 * SET_LDT: recorded now, loaded page by page on use (pv/ldt.c). The batch
 * holds mm's lock, which the LDT code takes too: drop it around the call.
 */
static long set_ldt(struct vcpu *v, uint64_t va, uint32_t ents)
{
    long rc;

    if ((va & (PAGE_SIZE - 1)) || ents > LDT_MAX_ENTS ||
        !guest_range_ok(va, (uint64_t)ents * 8 + !ents))
        return gerr(v, -EINVAL, "mmuext_op: SET_LDT %#lx, %u entries", va,
                    ents);
    mm_unlock();
    rc = pv_set_ldt(v, va, ents);
    mm_lock();
    return rc;
}

/* CLEAR_PAGE and COPY_PAGE write the frame as if through a RW mapping. */
static long copy_page(struct vcpu *v, const struct pt_dom *dom, mfn_t dst,
                      mfn_t src, bool clear)
{
    struct pt_env *env = mm_env();
    const char *why = "";

    if (!clear && pt_get_page(env, dom, src))
        return gerr(v, -EINVAL, "mmuext_op: COPY_PAGE source frame %#lx "
                    "is not the domain's", src);
    if (pt_get_page_and_type(env, dom, dst, PGT_writable, &why)) {
        if (!clear)
            pt_put_page(env, src);
        return gerr(v, -EINVAL, "mmuext_op: %s frame %#lx: %s",
                    clear ? "CLEAR_PAGE" : "COPY_PAGE", dst, why);
    }
    if (clear)
        memset(mfn_to_virt(dst), 0, PAGE_SIZE);
    else
        memcpy(mfn_to_virt(dst), mfn_to_virt(src), PAGE_SIZE);
    pt_put_page_and_type(env, dst);
    if (!clear)
        pt_put_page(env, src);
    return 0;
}

static long mmuext_one(struct vcpu *v, const struct pt_dom *dom,
                       const void *elem)
{
    const struct mmuext_op *op = elem;
    struct pt_env *env = mm_env();
    mfn_t mfn = op->arg1.mfn;
    const char *why = "";
    long rc;

    switch (op->cmd) {
    case MMUEXT_PIN_L1_TABLE:
    case MMUEXT_PIN_L2_TABLE:
    case MMUEXT_PIN_L3_TABLE:
    case MMUEXT_PIN_L4_TABLE:
        rc = pt_pin(env, dom, mfn, op->cmd - MMUEXT_PIN_L1_TABLE + 1, &why);
        return rc ? gerr(v, rc, "mmuext_op: pin frame %#lx as L%u: %s", mfn,
                         op->cmd - MMUEXT_PIN_L1_TABLE + 1, why)
                  : 0;
    case MMUEXT_UNPIN_TABLE:
        rc = pt_unpin(env, dom, mfn, &why);
        return rc ? gerr(v, rc, "mmuext_op: unpin frame %#lx: %s", mfn, why)
                  : 0;
    case MMUEXT_NEW_BASEPTR:
        rc = set_base(v, dom, mfn, &v->guest_table, "NEW_BASEPTR");
        /* Guest user mappings are global: a new space flushes them. */
        if (!rc)
            mm_flush_tlb();
        return rc;
    case MMUEXT_NEW_USER_BASEPTR:
        return set_base(v, dom, mfn ? mfn : INVALID_MFN,
                        &v->guest_table_user, "NEW_USER_BASEPTR");
    case MMUEXT_TLB_FLUSH_MULTI:
    case MMUEXT_INVLPG_MULTI:
        rc = read_vcpumask(v, op->arg2.vcpumask);
        if (rc)
            return rc;
        /* One CPU runs every vCPU: the local flush covers the mask. */
        /* fall through */
    case MMUEXT_TLB_FLUSH_LOCAL:
    case MMUEXT_INVLPG_LOCAL:
    case MMUEXT_TLB_FLUSH_ALL:
    case MMUEXT_INVLPG_ALL:
        if (op->cmd == MMUEXT_INVLPG_LOCAL || op->cmd == MMUEXT_INVLPG_MULTI ||
            op->cmd == MMUEXT_INVLPG_ALL)
            invlpg_guest(op->arg1.linear_addr);
        else
            mm_flush_tlb();
        return 0;
    case MMUEXT_FLUSH_CACHE:
    case MMUEXT_FLUSH_CACHE_GLOBAL:
        if (!is_privileged(v->domain))
            return gerr(v, -EACCES, "mmuext_op: cache flush needs rights");
        __asm__ __volatile__("wbinvd" ::: "memory");
        return 0;
    case MMUEXT_SET_LDT:
        return set_ldt(v, op->arg1.linear_addr, op->arg2.nr_ents);
    case MMUEXT_CLEAR_PAGE:
        return copy_page(v, dom, mfn, 0, true);
    case MMUEXT_COPY_PAGE:
        return copy_page(v, dom, mfn, op->arg2.src_mfn, false);
    case MMUEXT_MARK_SUPER:
    case MMUEXT_UNMARK_SUPER:
        return gerr(v, -EOPNOTSUPP, "mmuext_op: no PV superpages");
    default:
        return gerr(v, -ENOSYS, "mmuext_op: no command %u", op->cmd);
    }
}

/*
 * mmuext_op(ops, count, done, foreigndom): run count operations in order
 * (reference §5.2); stops at the first error and returns it, writing the
 * number done to *done. Preempted batches continue with bit 31 of count.
 * Each operation is atomic: a pin validates its whole hierarchy in one go
 * (docs/architecture.md bounds that work).
 *   -EINVAL  refused frame, level, pin state, LDT or vCPU mask
 *   -EACCES  cache flush without rights
 *   -EOPNOTSUPP  MARK_SUPER / UNMARK_SUPER
 *   -ENOSYS  unknown command
 *   -EFAULT  an operation unreadable
 *   -ESRCH / -EPERM  foreigndom (see mm_check_foreigndom)
 */
long hc_mmuext_op(struct vcpu *v, uint64_t ops, uint64_t count,
                  uint64_t pdone, uint64_t fd, uint64_t a5)
{
    return mm_batch(v, __HYPERVISOR_mmuext_op, "mmuext_op", ops, count,
                    pdone, fd, sizeof(struct mmuext_op), mmuext_one);
}
