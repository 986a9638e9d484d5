/* SPDX-License-Identifier: MIT */
/*
 * hv's side of the grant-table machine: tables per domain and their
 * frames, and the environment (frame references and grant PTEs through
 * the page-type machine, under its lock).
 */
#include "grant/grant.h"
#include "arch/x86/cpu.h"
#include "arch/x86/page.h"
#include "domain/domain.h"
#include "lib/spinlock.h"
#include "mm/frame.h"
#include "mm/mm-env.h"

#include <abi/grant-table.h>
#include <hv/compiler.h>
#include <hv/errno.h>

static DEFINE_SPINLOCK(lock);
static uint32_t next_gen = 1;
/* The domain being torn down: its table stays reachable for teardown. */
static struct domain *dying;

#define TABLE_PAGES (ALIGN_UP(sizeof(struct grant_table), PAGE_SIZE) / \
                     PAGE_SIZE)

void grant_lock(void)
{
    spin_lock(&lock);
}

void grant_unlock(void)
{
    spin_unlock(&lock);
}

/* ------------------------------------------------------ environment */

static struct grant_table *env_table_of(void *ctx, uint16_t domid)
{
    struct domain *d = domain_lookup(domid);

    if (!d || !d->grant || (d->is_dying && d != dying))
        return NULL;
    return d->grant;
}

static int env_get_frame(void *ctx, uint16_t owner, uint64_t frame,
                         bool writable, const char **why)
{
    struct pt_dom dom = { .domid = owner };
    struct pt_env *env;
    int rc = GNTST_okay;

    if (frame >= max_mfn) {
        *why = "frame is not RAM";
        return GNTST_bad_page;
    }
    mm_lock();
    env = mm_env();
    if (pt_get_page(env, &dom, frame)) {
        *why = "frame does not belong to the granting domain";
        rc = GNTST_general_error;
    } else if (writable &&
               pt_get_type(env, &dom, frame, PGT_writable, why)) {
        pt_put_page(env, frame);
        rc = GNTST_general_error;
    }
    mm_unlock();
    return rc;
}

static void env_put_frame(void *ctx, uint64_t frame, bool writable)
{
    struct pt_env *env;

    mm_lock();
    env = mm_env();
    if (writable)
        pt_put_type(env, frame);
    pt_put_page(env, frame);
    mm_unlock();
}

/*
 * The L1 slot a grant PTE goes to: the entry mapping VA addr in v's
 * current kernel table, or (contains_pte) the 8-byte entry at machine
 * address addr, which must lie in a validated L1 of v's domain.
 */
static int pte_slot(struct pt_env *env, struct vcpu *v, uint64_t addr,
                    bool contains_pte, uint64_t **slot, const char **why)
{
    uint64_t l1 = addr >> PAGE_SHIFT;
    unsigned int idx = (addr & (PAGE_SIZE - 1)) >> 3;

    if (!contains_pte) {
        if (pt_walk_l1(env, v->guest_table, addr, &l1, &idx, why))
            return GNTST_general_error;
    } else if (addr & 7) {
        *why = "PTE address not 8-byte aligned";
        return GNTST_general_error;
    } else if (!frame_owned_by(l1, v->domain->domain_id) ||
               pt_level(env, l1) != 1) {
        *why = "PTE address is not in one of the domain's L1 tables";
        return GNTST_general_error;
    }
    *slot = (uint64_t *)env->map(env->ctx, l1) + idx;
    return GNTST_okay;
}

static void flush_slot(uint64_t addr, uint32_t flags)
{
    if (flags & GNTMAP_contains_pte)
        mm_flush_tlb();
    else
        invlpg(addr);
}

static int env_map_host(void *ctx, uint16_t grantee, uint16_t owner,
                        uint64_t addr, uint32_t flags, uint64_t frame,
                        const char **why)
{
    struct vcpu *v = ctx;
    struct pt_dom dom = { .domid = owner };
    uint64_t val = frame << PAGE_SHIFT | PTE_PRESENT | PTE_ACCESSED;
    uint64_t adj, old, *slot;
    struct pt_env *env;
    int rc;

    if (!(flags & GNTMAP_readonly))
        val |= PTE_RW | PTE_DIRTY;
    if (flags & GNTMAP_application_map)
        val |= PTE_USER;
    mm_lock();
    env = mm_env();
    rc = pte_slot(env, v, addr, flags & GNTMAP_contains_pte, &slot, why);
    if (!rc && pt_l1e_get(env, &dom, val, &adj, why))
        rc = GNTST_general_error;
    if (!rc) {
        /* As any L1 update: the new entry's references, then the old's. */
        old = __atomic_exchange_n(slot, adj, __ATOMIC_SEQ_CST);
        pt_l1e_put(env, old);
        flush_slot(addr, flags);
    }
    mm_unlock();
    return rc;
}

static int env_unmap_host(void *ctx, uint16_t grantee, uint64_t addr,
                          uint32_t flags, uint64_t frame, const char **why)
{
    struct vcpu *v = ctx;
    uint64_t old, *slot;
    struct pt_env *env;
    bool rw = !(flags & GNTMAP_readonly);
    int rc;

    mm_lock();
    env = mm_env();
    rc = pte_slot(env, v, addr, flags & GNTMAP_contains_pte, &slot, why);
    if (!rc) {
        old = __atomic_load_n(slot, __ATOMIC_ACQUIRE);
        if (!(old & PTE_PRESENT) || (old & PTE_FRAME) >> PAGE_SHIFT != frame ||
            !(old & PTE_RW) != !rw) {
            *why = "the PTE does not map the granted frame with the "
                   "mapping's permissions";
            rc = GNTST_general_error;
        } else {
            __atomic_store_n(slot, 0, __ATOMIC_SEQ_CST);
            pt_l1e_put(env, old);
            flush_slot(addr, flags);
        }
    }
    mm_unlock();
    return rc;
}

static void *env_map_frame(void *ctx, uint64_t frame)
{
    return mfn_to_virt(frame);
}

struct gnttab_env grant_env(struct vcpu *v)
{
    return (struct gnttab_env){
        .ctx = v,
        .table_of = env_table_of,
        .get_frame = env_get_frame,
        .put_frame = env_put_frame,
        .map_host = env_map_host,
        .unmap_host = env_unmap_host,
        .map_frame = env_map_frame,
    };
}

/* ------------------------------------------------------ tables */

int grant_grow(struct domain *d, unsigned int nr_frames)
{
    struct grant_table *gt = d->grant;

    while (gnttab_frames_missing(gt, nr_frames)) {
        mfn_t mfn = frame_alloc(d->domain_id, 1);
        void *a0 = hv_alloc_pages(1), *a1 = hv_alloc_pages(1);

        if (mfn == INVALID_MFN || !a0 || !a1) {
            if (mfn != INVALID_MFN)
                frame_free(mfn, 1);
            if (a0)
                hv_free_pages(a0, 1);
            if (a1)
                hv_free_pages(a1, 1);
            return -ENOMEM;
        }
        /* Like shared_info: the domain maps it RW, cannot give it back. */
        mfn_to_page(mfn)->count_info |= PGC_hv_shared;
        gnttab_add_frame(gt, mfn_to_virt(mfn), mfn, a0, a1);
    }
    return 0;
}

void grant_maptrack_grow(struct grant_table *gt)
{
    void *page;

    if (!gnttab_maptrack_wants_page(gt))
        return;
    page = hv_alloc_pages(1);
    if (page)
        gnttab_maptrack_add_page(gt, page);
}

int grant_domain_init(struct domain *d)
{
    struct grant_table *gt = hv_alloc_pages(TABLE_PAGES);

    if (!gt)
        return -ENOMEM;
    grant_lock();
    gnttab_init(gt, d->domain_id, next_gen++, GNTTAB_MAX_FRAMES,
                GNTTAB_MAX_MAPTRACK_PAGES);
    d->grant = gt;
    if (grant_grow(d, 1)) {
        /* Nothing can map a frame of a domain not yet created. */
        for (unsigned int i = 0; i < gt->nr_frames; i++) {
            frame_free(gt->shared_mfn[i], 1);
            hv_free_pages(gt->active[2 * i], 1);
            hv_free_pages(gt->active[2 * i + 1], 1);
        }
        d->grant = NULL;
        grant_unlock();
        hv_free_pages(gt, TABLE_PAGES);
        return -ENOMEM;
    }
    grant_unlock();
    return 0;
}

void grant_domain_destroy(struct domain *d)
{
    struct grant_table *gt = d->grant;
    struct gnttab_env env;

    if (!gt)
        return;
    grant_lock();
    dying = d;
    env = grant_env(d->vcpu[0]);
    gnttab_release_mappings(&env, gt);
    for (unsigned int i = 0; i < MAX_DOMAINS; i++)
        if (domain_table[i] && domain_table[i] != d && domain_table[i]->grant)
            gnttab_forget_granter(&env, domain_table[i]->grant, gt);
    gnttab_release_pins(&env, gt);
    dying = NULL;
    d->grant = NULL;
    grant_unlock();

    for (unsigned int i = 0; i < gt->nr_frames; i++) {
        hv_free_pages(gt->active[2 * i], 1);
        hv_free_pages(gt->active[2 * i + 1], 1);
    }
    for (unsigned int i = 0; i < gt->nr_maptrack_pages; i++)
        hv_free_pages(gt->maptrack[i], 1);
    hv_free_pages(gt, TABLE_PAGES);
}
