/* SPDX-License-Identifier: MIT */
/*
 * A fake machine for hv/grant/grant-table.c, shared by its cmocka tests
 * and its fuzzer: FAKE_FRAMES frames with an owner and reference counts,
 * FAKE_DOMS domains with a table each, and per domain FAKE_SLOTS PTE
 * slots at VAs 0, 4096, ... that grant host mappings go to. The
 * reference counts are what the invariants check.
 */
#ifndef TESTS_UNIT_HV_GRANT_FAKE_ENV_H
#define TESTS_UNIT_HV_GRANT_FAKE_ENV_H

#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "hv/grant/grant-table.h"

#define FAKE_FRAMES 64
#define FAKE_DOMS   4
#define FAKE_SLOTS  16
#define FAKE_NOT_RAM 1000      /* frames from here on are not RAM */

struct fake_frame {
    uint16_t owner;
    bool table;                /* a page table: no writable references */
    uint32_t refs, wrefs;
    uint8_t data[4096];
};

struct fake_pte {
    bool present, rw;
    uint64_t frame;
};

struct fake {
    struct fake_frame frames[FAKE_FRAMES];
    struct grant_table *gt[FAKE_DOMS];
    struct fake_pte pte[FAKE_DOMS][FAKE_SLOTS];
    bool fail_pte;             /* no L1 for any address */
};

static struct fake fake;

static inline struct grant_table *fake_table_of(void *ctx, uint16_t domid)
{
    (void)ctx;
    return domid < FAKE_DOMS ? fake.gt[domid] : NULL;
}

static inline int fake_get_frame(void *ctx, uint16_t owner, uint64_t frame,
                          bool writable, const char **why)
{
    struct fake_frame *f;

    (void)ctx;
    if (frame >= FAKE_FRAMES) {
        *why = "not RAM";
        return GNTST_bad_page;
    }
    f = &fake.frames[frame];
    if (f->owner != owner) {
        *why = "not the owner's";
        return GNTST_general_error;
    }
    if (writable && f->table) {
        *why = "a page table";
        return GNTST_general_error;
    }
    f->refs++;
    f->wrefs += writable;
    return GNTST_okay;
}

static inline void fake_put_frame(void *ctx, uint64_t frame, bool writable)
{
    struct fake_frame *f = &fake.frames[frame];

    (void)ctx;
    if (frame >= FAKE_FRAMES || !f->refs || (writable && !f->wrefs))
        abort();               /* an unbalanced put: the bug to catch */
    f->refs--;
    f->wrefs -= writable;
}

static inline void fake_pte_put(struct fake_pte *p)
{
    if (p->present)
        fake_put_frame(NULL, p->frame, p->rw);
    *p = (struct fake_pte){ 0 };
}

static inline int fake_map_host(void *ctx, uint16_t grantee, uint16_t owner,
                         uint64_t addr, uint32_t flags, uint64_t frame,
                         const char **why)
{
    bool rw = !(flags & GNTMAP_readonly);
    uint64_t slot = addr >> 12;
    int rc;

    if (fake.fail_pte || grantee >= FAKE_DOMS || slot >= FAKE_SLOTS ||
        (flags & GNTMAP_contains_pte)) {
        *why = "no L1";
        return GNTST_general_error;
    }
    rc = fake_get_frame(ctx, owner, frame, rw, why);
    if (rc)
        return rc == GNTST_bad_page ? rc : GNTST_general_error;
    fake_pte_put(&fake.pte[grantee][slot]);
    fake.pte[grantee][slot] = (struct fake_pte){ true, rw, frame };
    return GNTST_okay;
}

static inline int fake_unmap_host(void *ctx, uint16_t grantee, uint64_t addr,
                           uint32_t flags, uint64_t frame, const char **why)
{
    uint64_t slot = addr >> 12;
    struct fake_pte *p;

    (void)ctx;
    if (slot >= FAKE_SLOTS) {
        *why = "no L1";
        return GNTST_general_error;
    }
    p = &fake.pte[grantee][slot];
    if (!p->present || p->frame != frame ||
        p->rw != !(flags & GNTMAP_readonly)) {
        *why = "PTE does not match";
        return GNTST_general_error;
    }
    fake_pte_put(p);
    return GNTST_okay;
}

static inline void *fake_map_frame(void *ctx, uint64_t frame)
{
    (void)ctx;
    return fake.frames[frame].data;
}

static struct gnttab_env fake_env = {
    .table_of = fake_table_of,
    .get_frame = fake_get_frame,
    .put_frame = fake_put_frame,
    .map_host = fake_map_host,
    .unmap_host = fake_unmap_host,
    .map_frame = fake_map_frame,
};

/* A table for domid with nr frames and at most max_mt maptrack pages. */
static inline struct grant_table *fake_table(uint16_t domid, unsigned int nr,
                                      unsigned int max_mt)
{
    static uint32_t gen;
    struct grant_table *gt = calloc(1, sizeof(*gt));

    gnttab_init(gt, domid, ++gen, GNTTAB_MAX_FRAMES, max_mt);
    for (unsigned int i = 0; i < nr; i++)
        gnttab_add_frame(gt, calloc(1, 4096), 1000 + i,
                         calloc(1, 4096), calloc(1, 4096));
    fake.gt[domid] = gt;
    return gt;
}

static inline void fake_free_table(uint16_t domid)
{
    struct grant_table *gt = fake.gt[domid];

    for (unsigned int i = 0; i < gt->nr_frames; i++) {
        free(gt->shared[i]);
        free(gt->active[2 * i]);
        free(gt->active[2 * i + 1]);
    }
    for (unsigned int i = 0; i < gt->nr_maptrack_pages; i++)
        free(gt->maptrack[i]);
    free(gt);
    fake.gt[domid] = NULL;
}

/* Domain death as hv does it, then the table's memory. */
static inline void fake_destroy(uint16_t domid)
{
    struct grant_table *gt = fake.gt[domid];

    gnttab_release_mappings(&fake_env, gt);
    for (unsigned int d = 0; d < FAKE_DOMS; d++)
        if (d != domid && fake.gt[d])
            gnttab_forget_granter(&fake_env, fake.gt[d], gt);
    gnttab_release_pins(&fake_env, gt);
    /* The domain's own PTEs go with its page tables. */
    for (unsigned int s = 0; s < FAKE_SLOTS; s++)
        fake_pte_put(&fake.pte[domid][s]);
    fake_free_table(domid);
}

static inline void fake_reset(void)
{
    for (unsigned int d = 0; d < FAKE_DOMS; d++)
        if (fake.gt[d])
            fake_free_table(d);
    memset(&fake, 0, sizeof(fake));
    for (unsigned int f = 0; f < FAKE_FRAMES; f++)
        fake.frames[f].owner = f % FAKE_DOMS;   /* frame f is d(f % 4)'s */
}

/* Grant entry ref of domain granter: frame to grantee with flags. */
static inline void fake_grant(uint16_t granter, uint32_t ref, uint16_t grantee,
                       uint64_t frame, uint16_t flags)
{
    struct grant_entry_v1 *e = &fake.gt[granter]->shared[ref / 512][ref % 512];

    e->domid = grantee;
    e->frame = (uint32_t)frame;
    e->flags = flags;
}

static inline uint16_t fake_flags(uint16_t granter, uint32_t ref)
{
    return fake.gt[granter]->shared[ref / 512][ref % 512].flags;
}

/*
 * The invariant: every frame's references are exactly those its holders
 * account for (one per pinned active entry, one per device mapping, one
 * per present PTE; writable ones for RW device mappings and RW PTEs).
 * Returns the first frame that disagrees, or -1.
 */
static inline int fake_check_refs(void)
{
    uint32_t refs[FAKE_FRAMES] = { 0 }, wrefs[FAKE_FRAMES] = { 0 };

    for (unsigned int d = 0; d < FAKE_DOMS; d++) {
        struct grant_table *gt = fake.gt[d];

        for (unsigned int s = 0; s < FAKE_SLOTS; s++)
            if (fake.pte[d][s].present) {
                refs[fake.pte[d][s].frame]++;
                wrefs[fake.pte[d][s].frame] += fake.pte[d][s].rw;
            }
        if (!gt)
            continue;
        for (uint32_t r = 0; r < gnttab_nr_entries(gt); r++) {
            struct gnttab_active *act = gnttab_active_of(gt, r);

            if (gnttab_pins(act))
                refs[act->frame]++;
        }
        for (uint32_t h = 0;
             h < gt->nr_maptrack_pages * GNTTAB_MAPTRACK_PER_PAGE; h++) {
            struct gnttab_maptrack *mt = gnttab_maptrack_of(gt, h);
            struct gnttab_active *act;

            if (!(mt->flags & MT_DEVICE))
                continue;
            act = gnttab_active_of(fake.gt[mt->domid], mt->ref);
            refs[act->frame]++;
            wrefs[act->frame] += !(mt->flags & MT_READONLY);
        }
    }
    for (int f = 0; f < FAKE_FRAMES; f++)
        if (refs[f] != fake.frames[f].refs ||
            wrefs[f] != fake.frames[f].wrefs ||
            (fake.frames[f].table && fake.frames[f].wrefs))
            return f;
    return -1;
}

#endif
