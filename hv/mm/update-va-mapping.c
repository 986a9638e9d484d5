/* SPDX-License-Identifier: MIT */
/* update_va_mapping (14): rewrite the L1 entry that maps one address. */
#include "hypercall/guest-copy.h"
#include "hypercall/hypercall.h"
#include "arch/x86/cpu.h"
#include "arch/x86/page.h"
#include "console/console.h"
#include "domain/domain.h"
#include "mm/l1-entry.h"

#include <abi/mmu.h>
#include <hv/errno.h>

/*
 * update_va_mapping(va, val, flags): checked like an L1 update through
 * mmu_update, in the current kernel table. flags bits 0-1 pick the flush
 * (none, whole TLB, one page); the rest say where (local, all, or a guest
 * pointer to a vCPU mask). hv runs one vCPU per physical CPU for now, so
 * every target set flushes here.
 *   -EINVAL  va not covered by a validated L1, or val refused
 *   -EFAULT  the vCPU mask is unreadable
 */
long hc_update_va_mapping(struct vcpu *v, uint64_t va, uint64_t val,
                          uint64_t flags, uint64_t a4, uint64_t a5)
{
    const char *why = "";
    uint64_t *slot, old, adj, mask;
    long rc;

    if ((flags & ~UVMF_FLUSHTYPE_MASK) > UVMF_ALL &&
        copy_from_guest(&mask, flags & ~UVMF_FLUSHTYPE_MASK, sizeof(mask)))
        return gerr(v, -EFAULT, "update_va_mapping: vcpu mask unreadable");
    slot = l1e_slot(v->guest_table, va, &why);
    if (!slot)
        return gerr(v, -EINVAL, "update_va_mapping: va %#lx: %s", va, why);
    rc = l1e_get(v->domain, val, &adj, &why);
    if (rc)
        return gerr(v, rc, "update_va_mapping: va %#lx val %#lx: %s", va,
                    val, why);
    old = __atomic_exchange_n(slot, adj, __ATOMIC_SEQ_CST);
    l1e_put(old);

    switch (flags & UVMF_FLUSHTYPE_MASK) {
    case UVMF_TLB_FLUSH:
        flush_tlb_local();
        break;
    case UVMF_INVLPG:
        invlpg(va);
        break;
    }
    return 0;
}
