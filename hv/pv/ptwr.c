/* SPDX-License-Identifier: MIT */
/*
 * Writable page tables: finding the L1 entry a faulting write aimed at,
 * replaying the instruction (hv/pv/pte-write.c) and making the update
 * through the page-type checks, all under the MM lock so a cmpxchg sees
 * the entry it replaces.
 */
#include "pv/ptwr.h"
#include "arch/x86/page.h"
#include "console/console.h"
#include "domain/domain.h"
#include "hypercall/guest-copy.h"
#include "mm/mm-env.h"
#include "pv/pte-write.h"

#include <abi/vm-assist.h>
#include <hv/errno.h>
#include <string.h>

#define PFEC_PRESENT 0x01UL
#define PFEC_WRITE   0x02UL
#define PFEC_RSVD    0x08UL
#define PFEC_FETCH   0x10UL
#define MAX_INSN     15

/*
 * With the assist, or in the hardware domain: Xen 4.17 tries the
 * read-only fault path for dom0 whatever its assists (it is also how dom0
 * writes to read-only device memory), and there replays writes to L1s.
 */
static bool ptwr_enabled(const struct domain *d)
{
    return (d->vm_assist & (1UL << VMASST_TYPE_writable_pagetables)) ||
           d->domain_id == 0;
}

/* Fetch up to 15 bytes at rip; fewer if the rest is unreadable. */
static unsigned int fetch(uint64_t rip, uint8_t *buf)
{
    for (unsigned int n = MAX_INSN; n; n--)
        if (!copy_from_guest(buf, rip, n))
            return n;
    return 0;
}

/* The L1 table frame mapped read-only at va, or INVALID_MFN. */
static mfn_t ro_l1_at(struct pt_env *env, struct vcpu *v, uint64_t va)
{
    const char *why;
    uint64_t l1, pte;
    unsigned int idx;

    if (pt_walk_l1(env, v->guest_table, va, &l1, &idx, &why))
        return INVALID_MFN;
    pte = env->map(env->ctx, l1)[idx];
    if ((pte & (_PAGE_PRESENT | _PAGE_RW)) != _PAGE_PRESENT ||
        pt_level(env, pte_mfn(pte)) != 1 ||
        !frame_owned_by(pte_mfn(pte), v->domain->domain_id))
        return INVALID_MFN;
    return pte_mfn(pte);
}

bool pv_ptwr_fault(struct vcpu *v, struct hv_regs *regs, uint64_t cr2)
{
    struct pt_dom dom = mm_dom(v->domain);
    struct hv_regs after = *regs;
    struct pt_env *env;
    uint8_t insn[MAX_INSN];
    unsigned int n, idx = (cr2 & (PAGE_SIZE - 1)) / 8, level;
    uint64_t entry;
    const char *why = "";
    bool write;
    mfn_t l1;
    int rc = 0;

    if (!ptwr_enabled(v->domain) || !v->in_kernel ||
        (regs->error_code & (PFEC_PRESENT | PFEC_WRITE | PFEC_RSVD |
                             PFEC_FETCH)) != (PFEC_PRESENT | PFEC_WRITE))
        return false;
    n = fetch(regs->rip, insn);

    mm_lock();
    env = mm_env();
    l1 = ro_l1_at(env, v, cr2);
    if (l1 == INVALID_MFN) {
        mm_unlock();
        return false;
    }
    if (pte_write_emulate(insn, n, cr2, env->map(env->ctx, l1)[idx], &after,
                          &entry, &write)) {
        mm_unlock();
        gerr(v, -EINVAL, "writable page tables: write to L1 frame %#lx at "
             "%#lx by an instruction hv does not replay (rip %#lx: %02x %02x "
             "%02x %02x)", l1, cr2, regs->rip, insn[0], insn[1], insn[2],
             insn[3]);
        return false;
    }
    if (write)
        rc = pt_update(env, &dom, l1, idx, entry, false, &level, &why);
    mm_unlock();
    if (rc) {
        gerr(v, rc, "writable page tables: L1 frame %#lx slot %u = %#lx "
             "(frame %#lx): %s", l1, idx, entry, (entry & PTE_FRAME) >> 12,
             why);
        return false;
    }
    *regs = after;
    return true;
}
