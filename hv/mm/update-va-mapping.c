/* SPDX-License-Identifier: MIT */
/* update_va_mapping (14): rewrite the L1 entry that maps one address. */
#include "hypercall/guest-copy.h"
#include "hypercall/hypercall.h"
#include "arch/x86/cpu.h"
#include "console/console.h"
#include "domain/domain.h"
#include "mm/mm-env.h"

#include <abi/memory.h>
#include <abi/mmu.h>
#include <hv/errno.h>

/*
 * update_va_mapping(va, val, flags): checked like an L1 update through
 * mmu_update, in the current kernel table. flags bits 0-1 pick the flush
 * (none, whole TLB, one page); the rest say where (local, all, or a guest
 * pointer to a vCPU mask, read only if there is a flush, after the
 * update, as Xen does). One CPU runs every vCPU, so every target set
 * flushes here.
 *   -EINVAL  va not covered by a validated L1, or val refused
 *   -EBUSY   val names a frame not ours, or maps a table writable
 *   -EPERM   val names device memory
 *   -EFAULT  the vCPU mask is unreadable (the update is done)
 */
static long update_va_mapping(struct vcpu *v, const struct pt_dom *dom,
                              uint64_t va, uint64_t val, uint64_t flags)
{
    struct pt_env *env;
    const char *why = "";
    uint64_t l1, mask, target = flags & ~UVMF_FLUSHTYPE_MASK;
    unsigned int idx, level;
    int rc;

    mm_lock();
    env = mm_env();
    rc = pt_walk_l1(env, v->guest_table, va, &l1, &idx, &why);
    if (rc) {
        mm_unlock();
        return gerr(v, rc, "update_va_mapping: va %#lx: %s", va, why);
    }
    rc = pt_update(env, dom, l1, idx, val, false, &level, &why);
    mm_unlock();
    if (rc)
        return gerr(v, rc, "update_va_mapping: va %#lx: L1 frame %#lx slot "
                    "%u = %#lx: %s", va, l1, idx, val, why);

    if (!(flags & UVMF_FLUSHTYPE_MASK))
        return 0;
    if (target != UVMF_LOCAL && target != UVMF_ALL &&
        copy_from_guest(&mask, target, sizeof(mask)))
        return gerr(v, -EFAULT, "update_va_mapping: vcpu mask %#lx "
                    "unreadable", target);
    if ((flags & UVMF_FLUSHTYPE_MASK) == UVMF_INVLPG) {
        invlpg(va);
    } else {
        mm_lock();
        mm_flush_tlb();
        mm_unlock();
    }
    return 0;
}

long hc_update_va_mapping(struct vcpu *v, uint64_t va, uint64_t val,
                          uint64_t flags, uint64_t a4, uint64_t a5)
{
    struct pt_dom dom = mm_dom(v->domain);

    return update_va_mapping(v, &dom, va, val, flags);
}

/*
 * update_va_mapping_otherdomain(va, val, flags, domid): the same, with val
 * naming a frame of domain domid (DOMID_SELF: the caller's own) mapped in
 * the caller's own table: how a privileged domain reaches the memory of
 * a domain it builds.
 *   -EPERM   another domain without privilege
 *   -ESRCH   no such domain
 *   and update_va_mapping's errors
 */
long hc_update_va_mapping_otherdomain(struct vcpu *v, uint64_t va,
                                      uint64_t val, uint64_t flags,
                                      uint64_t domid, uint64_t a5)
{
    struct pt_dom dom = mm_dom(v->domain);
    uint16_t id = (uint16_t)domid;

    if (id != DOMID_SELF && id != v->domain->domain_id) {
        if (!is_privileged(v->domain))
            return gerr(v, -EPERM, "update_va_mapping_otherdomain: d%u: "
                        "not privileged", id);
        if (!domain_lookup(id))
            return gerr(v, -ESRCH, "update_va_mapping_otherdomain: no "
                        "domain %u", id);
        dom.foreign_data = true;
        dom.data_domid = id;
    }
    return update_va_mapping(v, &dom, va, val, flags);
}
