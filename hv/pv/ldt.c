/* SPDX-License-Identifier: MIT */
/*
 * LDTs are mapped lazily, as Xen does: MMUEXT_SET_LDT only records the
 * guest range, and the CPU's LDT window starts with no pages. The first
 * descriptor access to a page faults into hv, which takes that frame as a
 * descriptor page (so no guest maps it writable), checks its descriptors
 * and maps it; a page the guest has not mapped becomes its own #PF.
 */
#include "pv/ldt.h"
#include "arch/x86/cpu-init.h"
#include "arch/x86/page.h"
#include "console/console.h"
#include "domain/domain.h"
#include "mm/hv-pagetable.h"
#include "mm/mm-env.h"
#include "mm/page-ref.h"
#include "pv/gdt.h"

#include <hv/errno.h>

/* The frame the guest's kernel table maps at va, or INVALID_MFN. */
static mfn_t frame_at(struct vcpu *v, uint64_t va)
{
    struct pt_env *env;
    const char *why;
    uint64_t l1, pte;
    unsigned int idx;
    mfn_t mfn = INVALID_MFN;

    mm_lock();
    env = mm_env();
    if (!pt_walk_l1(env, v->guest_table, va, &l1, &idx, &why)) {
        pte = env->map(env->ctx, l1)[idx];
        if (pte & _PAGE_PRESENT)
            mfn = pte_mfn(pte);
    }
    mm_unlock();
    return mfn;
}

int pv_set_ldt(struct vcpu *v, uint64_t va, unsigned int ents)
{
    if ((va & (PAGE_SIZE - 1)) || ents > LDT_MAX_ENTS)
        return gerr(v, -EINVAL, "SET_LDT: %#lx with %u entries", va, ents);
    pv_release_ldt(v);
    v->ldt_base = ents ? va : 0;
    v->ldt_ents = ents;
    if (v == current_vcpu())
        cpu_load_guest_ldt(v->processor, v);
    return 0;
}

void pv_release_ldt(struct vcpu *v)
{
    for (unsigned int i = 0; i < 16; i++)
        if (v->ldt_frames[i] != INVALID_MFN && v->ldt_frames[i]) {
            page_put_type(v->ldt_frames[i]);
            v->ldt_frames[i] = INVALID_MFN;
        }
    v->nr_ldt_frames = 0;
    v->ldt_base = 0;
    v->ldt_ents = 0;
    if (v == current_vcpu())
        cpu_load_guest_ldt(v->processor, v);
}

bool pv_ldt_fault(struct vcpu *v, uint64_t addr, uint64_t *guest_va)
{
    uint64_t window = PERCPU_LDT_VIRT(v->processor);
    unsigned int page = (addr - window) / PAGE_SIZE;
    mfn_t mfn;

    if (addr < window || addr >= window + LDT_WINDOW_SIZE)
        return false;
    *guest_va = v->ldt_base + (addr - window);
    if (!v->ldt_ents || page * PAGE_SIZE >= v->ldt_ents * 8UL)
        return true;
    mfn = frame_at(v, v->ldt_base + page * PAGE_SIZE);
    if (mfn == INVALID_MFN || !frame_owned_by(mfn, v->domain->domain_id))
        return true;
    if (!page_get_type(mfn, PGT_seg_desc)) {
        gdebug(v, "LDT page %#lx: frame %#lx is in use as another type",
               *guest_va, mfn);
        return true;
    }
    if (!frame_descriptors_ok(v, mfn)) {
        page_put_type(mfn);
        return true;
    }
    v->ldt_frames[page] = mfn;
    if (page + 1 > v->nr_ldt_frames)
        v->nr_ldt_frames = page + 1;
    percpu_ldt_map(v->processor, page, mfn);
    *guest_va = 0;
    return true;
}
