/* SPDX-License-Identifier: MIT */
/*
 * The grant-table state machine, version 1 (see grant-table.h): entries,
 * pins, the maptrack, map, unmap and copy, and release at domain death.
 */
#include "grant/grant-table.h"

#include <abi/memory.h>

#define PAGE_BYTES 4096U
#define TRIES      4           /* a granter rewriting its entry this often
                                  in one operation is refused */

/* One entry as a single 64-bit word: read once, updated by cmpxchg. */
union entry_word {
    uint64_t raw;
    struct grant_entry_v1 e;
};

static uint64_t *entry_raw(const struct grant_table *gt, uint32_t ref)
{
    return (uint64_t *)&gt->shared[ref / GNTTAB_ENTRIES_PER_FRAME]
                                   [ref % GNTTAB_ENTRIES_PER_FRAME];
}

struct gnttab_active *gnttab_active_of(const struct grant_table *gt,
                                       uint32_t ref)
{
    if (ref >= gnttab_nr_entries(gt))
        return NULL;
    return &gt->active[ref / GNTTAB_ACTIVE_PER_PAGE]
                      [ref % GNTTAB_ACTIVE_PER_PAGE];
}

struct gnttab_maptrack *gnttab_maptrack_of(const struct grant_table *gt,
                                           uint32_t handle)
{
    if (handle >= gt->nr_maptrack_pages * GNTTAB_MAPTRACK_PER_PAGE)
        return NULL;
    return &gt->maptrack[handle / GNTTAB_MAPTRACK_PER_PAGE]
                        [handle % GNTTAB_MAPTRACK_PER_PAGE];
}

unsigned int gnttab_pins(const struct gnttab_active *act)
{
    return act->pin[PIN_HOST_RO] + act->pin[PIN_HOST_RW] +
           act->pin[PIN_DEV_RO] + act->pin[PIN_DEV_RW];
}

/* ------------------------------------------------------ the table */

void gnttab_init(struct grant_table *gt, uint16_t domid, uint32_t gen,
                 unsigned int max_frames, unsigned int max_maptrack_pages)
{
    *gt = (struct grant_table){ 0 };
    gt->domid = domid;
    gt->gen = gen;
    gt->max_frames = max_frames && max_frames < GNTTAB_MAX_FRAMES
                         ? max_frames : GNTTAB_MAX_FRAMES;
    gt->max_maptrack_pages =
        max_maptrack_pages && max_maptrack_pages < GNTTAB_MAX_MAPTRACK_PAGES
            ? max_maptrack_pages : GNTTAB_MAX_MAPTRACK_PAGES;
    gt->maptrack_free = GNTTAB_NO_HANDLE;
}

unsigned int gnttab_frames_missing(const struct grant_table *gt,
                                   unsigned int nr_frames)
{
    return nr_frames > gt->nr_frames ? nr_frames - gt->nr_frames : 0;
}

void gnttab_add_frame(struct grant_table *gt, void *shared, uint64_t mfn,
                      void *active0, void *active1)
{
    unsigned int n = gt->nr_frames;

    gt->shared[n] = shared;
    gt->shared_mfn[n] = mfn;
    gt->active[2 * n] = active0;
    gt->active[2 * n + 1] = active1;
    gt->nr_frames = n + 1;
}

/* ------------------------------------------------------ maptrack */

bool gnttab_maptrack_wants_page(const struct grant_table *gt)
{
    return gt->maptrack_free == GNTTAB_NO_HANDLE &&
           gt->nr_maptrack_pages < gt->max_maptrack_pages;
}

void gnttab_maptrack_add_page(struct grant_table *gt, void *page)
{
    unsigned int n = gt->nr_maptrack_pages++;
    struct gnttab_maptrack *mt = page;

    gt->maptrack[n] = mt;
    /* Lowest handle first off the list. */
    for (unsigned int i = GNTTAB_MAPTRACK_PER_PAGE; i-- > 0;) {
        mt[i] = (struct gnttab_maptrack){ .next_free = gt->maptrack_free };
        gt->maptrack_free = n * GNTTAB_MAPTRACK_PER_PAGE + i;
    }
}

static uint32_t maptrack_get(struct grant_table *gt)
{
    uint32_t h = gt->maptrack_free;
    struct gnttab_maptrack *mt;

    if (h == GNTTAB_NO_HANDLE)
        return h;
    mt = gnttab_maptrack_of(gt, h);
    gt->maptrack_free = mt->next_free;
    mt->flags = MT_IN_USE;
    gt->nr_maptrack_used++;
    return h;
}

static void maptrack_put(struct grant_table *gt, uint32_t h)
{
    struct gnttab_maptrack *mt = gnttab_maptrack_of(gt, h);

    *mt = (struct gnttab_maptrack){ .next_free = gt->maptrack_free };
    gt->maptrack_free = h;
    gt->nr_maptrack_used--;
}

/* ------------------------------------------------------ pins */

/*
 * Mark entry ref of rgt in use by grantee for the pin kinds in kinds
 * (a bitmask of 1 << PIN_*): one read of the entry, checked, then the
 * flags set by cmpxchg of the whole entry. The first pin takes the
 * active entry's general reference. *frame is the pinned frame.
 */
static int acquire(struct gnttab_env *env, struct grant_table *rgt,
                   uint32_t ref, uint16_t grantee, bool rw,
                   unsigned int kinds, uint64_t *frame, const char **why)
{
    struct gnttab_active *act = gnttab_active_of(rgt, ref);
    uint64_t *raw = entry_raw(rgt, ref);
    bool pinned = gnttab_pins(act) != 0;
    union entry_word old, new;
    unsigned int tries;
    int rc;

    if (pinned && act->domid != grantee) {
        *why = "entry is in use by another domain";
        return GNTST_general_error;
    }
    for (unsigned int k = 0; k < NR_PIN_KINDS; k++)
        if ((kinds & (1U << k)) && act->pin[k] >= GNTTAB_MAX_PIN) {
            *why = "too many mappings of this entry";
            return GNTST_general_error;
        }

    for (tries = 0;; tries++) {
        old.raw = __atomic_load_n(raw, __ATOMIC_ACQUIRE);
        if ((old.e.flags & GTF_type_mask) != GTF_permit_access) {
            *why = "entry does not permit access";
            return GNTST_general_error;
        }
        if (old.e.domid != grantee) {
            *why = "entry grants another domain";
            return GNTST_general_error;
        }
        if (rw && (old.e.flags & GTF_readonly)) {
            *why = "write access to a read-only grant";
            return GNTST_general_error;
        }
        new = old;
        new.e.flags |= GTF_reading | (rw ? GTF_writing : 0);
        if (new.raw == old.raw ||
            __atomic_compare_exchange_n(raw, &old.raw, new.raw, false,
                                        __ATOMIC_ACQ_REL, __ATOMIC_ACQUIRE))
            break;
        if (tries + 1 == TRIES) {
            *why = "granter keeps rewriting the entry";
            return GNTST_general_error;
        }
    }

    if (!pinned) {
        rc = env->get_frame(env->ctx, rgt->domid, old.e.frame, false, why);
        if (rc) {
            /* Nobody else holds it: undo what we set. */
            __atomic_fetch_and(&((struct grant_entry_v1 *)raw)->flags,
                               (uint16_t)~(GTF_reading | GTF_writing),
                               __ATOMIC_ACQ_REL);
            return rc;
        }
        act->frame = old.e.frame;
        act->domid = grantee;
        rgt->nr_pinned++;
    }
    for (unsigned int k = 0; k < NR_PIN_KINDS; k++)
        if (kinds & (1U << k))
            act->pin[k]++;
    *frame = act->frame;
    return GNTST_okay;
}

/* Drop one pin of kind; clear the flags and the reference when none is left. */
static void release(struct gnttab_env *env, struct grant_table *rgt,
                    uint32_t ref, unsigned int kind)
{
    struct gnttab_active *act = gnttab_active_of(rgt, ref);
    struct grant_entry_v1 *e = (struct grant_entry_v1 *)entry_raw(rgt, ref);
    uint16_t clear = 0;

    act->pin[kind]--;
    if (!act->pin[PIN_HOST_RW] && !act->pin[PIN_DEV_RW])
        clear |= GTF_writing;
    if (!gnttab_pins(act))
        clear |= GTF_reading;
    __atomic_fetch_and(&e->flags, (uint16_t)~clear, __ATOMIC_ACQ_REL);
    if (!gnttab_pins(act)) {
        env->put_frame(env->ctx, act->frame, false);
        *act = (struct gnttab_active){ 0 };
        rgt->nr_pinned--;
    }
}

/* ------------------------------------------------------ map and unmap */

int gnttab_map(struct gnttab_env *env, struct grant_table *lgt,
               const struct gnttab_map_req *req, struct gnttab_map_res *res,
               const char **why)
{
    bool ro = req->flags & GNTMAP_readonly;
    bool host = req->flags & GNTMAP_host_map;
    bool dev = req->flags & GNTMAP_device_map;
    unsigned int kinds = 0;
    struct grant_table *rgt;
    struct gnttab_maptrack *mt;
    uint64_t frame;
    uint32_t h;
    int rc;

    if (!host && !dev) {
        *why = "neither GNTMAP_host_map nor GNTMAP_device_map";
        return GNTST_bad_gntref;
    }
    rgt = env->table_of(env->ctx, req->dom);
    if (!rgt) {
        *why = "no such granting domain";
        return GNTST_bad_domain;
    }
    h = maptrack_get(lgt);
    if (h == GNTTAB_NO_HANDLE) {
        *why = "no free mapping handle";
        return GNTST_no_space;
    }
    if (req->ref >= gnttab_nr_entries(rgt)) {
        *why = "grant reference beyond the table";
        rc = GNTST_bad_gntref;
        goto free_handle;
    }
    if (host)
        kinds |= 1U << (ro ? PIN_HOST_RO : PIN_HOST_RW);
    if (dev)
        kinds |= 1U << (ro ? PIN_DEV_RO : PIN_DEV_RW);
    rc = acquire(env, rgt, req->ref, lgt->domid, !ro, kinds, &frame, why);
    if (rc)
        goto free_handle;

    if (dev) {
        rc = env->get_frame(env->ctx, rgt->domid, frame, !ro, why);
        if (rc)
            goto unpin;
    }
    if (host) {
        rc = env->map_host(env->ctx, lgt->domid, rgt->domid, req->host_addr,
                           req->flags, frame, why);
        if (rc) {
            if (dev)
                env->put_frame(env->ctx, frame, !ro);
            goto unpin;
        }
    }

    mt = gnttab_maptrack_of(lgt, h);
    mt->ref = req->ref;
    mt->domid = rgt->domid;
    mt->granter_gen = rgt->gen;
    mt->flags = MT_IN_USE | (host ? MT_HOST : 0) | (dev ? MT_DEVICE : 0) |
                (ro ? MT_READONLY : 0);
    res->handle = h;
    res->dev_bus_addr = frame << 12;
    return GNTST_okay;

unpin:
    for (unsigned int k = 0; k < NR_PIN_KINDS; k++)
        if (kinds & (1U << k))
            release(env, rgt, req->ref, k);
free_handle:
    maptrack_put(lgt, h);
    return rc;
}

/* The table a handle's granter had when the mapping was made. */
static struct grant_table *granter_of(struct gnttab_env *env,
                                      const struct gnttab_maptrack *mt)
{
    struct grant_table *rgt = env->table_of(env->ctx, mt->domid);

    return rgt && rgt->gen == mt->granter_gen ? rgt : NULL;
}

int gnttab_unmap(struct gnttab_env *env, struct grant_table *lgt,
                 uint32_t handle, uint64_t host_addr, uint64_t dev_bus_addr,
                 const char **why)
{
    struct gnttab_maptrack *mt = gnttab_maptrack_of(lgt, handle);
    struct gnttab_active *act;
    struct grant_table *rgt;
    bool ro;
    int rc;

    if (!mt || !(mt->flags & MT_IN_USE)) {
        *why = "no such handle";
        return GNTST_bad_handle;
    }
    rgt = granter_of(env, mt);
    if (!rgt) {
        /* Cannot happen: a dying granter's handles are forgotten. */
        *why = "granting domain is gone";
        return GNTST_bad_domain;
    }
    act = gnttab_active_of(rgt, mt->ref);
    ro = mt->flags & MT_READONLY;
    if (dev_bus_addr && dev_bus_addr != (uint64_t)act->frame << 12) {
        *why = "dev_bus_addr is not the mapped frame's";
        return GNTST_bad_dev_addr;
    }
    if (host_addr && (mt->flags & MT_HOST)) {
        rc = env->unmap_host(env->ctx, lgt->domid, host_addr, mt->flags,
                             act->frame, why);
        if (rc)
            return rc;
        mt->flags &= ~MT_HOST;
        release(env, rgt, mt->ref, ro ? PIN_HOST_RO : PIN_HOST_RW);
    }
    if (dev_bus_addr && (mt->flags & MT_DEVICE)) {
        env->put_frame(env->ctx, act->frame, !ro);
        mt->flags &= ~MT_DEVICE;
        release(env, rgt, mt->ref, ro ? PIN_DEV_RO : PIN_DEV_RW);
    }
    if (!(mt->flags & (MT_HOST | MT_DEVICE)))
        maptrack_put(lgt, handle);
    return GNTST_okay;
}

/* ------------------------------------------------------ copy */

struct copy_buf {
    struct grant_table *gt;    /* the side's domain */
    bool gref;
    bool rw;
    bool pinned;               /* holds a pin of entry ref */
    bool held;                 /* holds references on frame */
    uint32_t ref;
    uint64_t frame;
};

static int copy_domain(struct gnttab_env *env, struct grant_table *lgt,
                       const struct gnttab_copy_side *side, bool gref,
                       struct copy_buf *b, const char **why)
{
    b->gref = gref;
    b->gt = side->domid == DOMID_SELF ? lgt
                                      : env->table_of(env->ctx, side->domid);
    if (!b->gt) {
        *why = "no such domain";
        return GNTST_bad_domain;
    }
    /* As on Xen: a frame number is only taken from DOMID_SELF. */
    if (!gref && side->domid != DOMID_SELF) {
        *why = "a frame (not a grant) of a domain other than DOMID_SELF";
        return GNTST_permission_denied;
    }
    return GNTST_okay;
}

static int copy_claim(struct gnttab_env *env, struct grant_table *lgt,
                      const struct gnttab_copy_side *side,
                      struct copy_buf *b, const char **why)
{
    unsigned int kind = b->rw ? PIN_HOST_RW : PIN_HOST_RO;
    int rc;

    if (b->gref) {
        if (side->ref_or_frame >= gnttab_nr_entries(b->gt)) {
            *why = "grant reference beyond the table";
            return GNTST_bad_gntref;
        }
        b->ref = (uint32_t)side->ref_or_frame;
        rc = acquire(env, b->gt, b->ref, lgt->domid, b->rw, 1U << kind,
                     &b->frame, why);
        if (rc)
            return rc;
        b->pinned = true;
    } else {
        b->frame = side->ref_or_frame;
    }
    rc = env->get_frame(env->ctx, b->gt->domid, b->frame, b->rw, why);
    if (rc)
        return rc;
    b->held = true;
    return GNTST_okay;
}

static void copy_release(struct gnttab_env *env, struct copy_buf *b)
{
    if (b->held)
        env->put_frame(env->ctx, b->frame, b->rw);
    if (b->pinned)
        release(env, b->gt, b->ref, b->rw ? PIN_HOST_RW : PIN_HOST_RO);
}

int gnttab_copy(struct gnttab_env *env, struct grant_table *lgt,
                const struct gnttab_copy_side *src,
                const struct gnttab_copy_side *dst, uint16_t len,
                uint16_t flags, const char **why)
{
    struct copy_buf s = { .rw = false }, d = { .rw = true };
    int rc;

    rc = copy_domain(env, lgt, src, flags & GNTCOPY_source_gref, &s, why);
    if (!rc)
        rc = copy_domain(env, lgt, dst, flags & GNTCOPY_dest_gref, &d, why);
    if (!rc)
        rc = copy_claim(env, lgt, src, &s, why);
    if (!rc)
        rc = copy_claim(env, lgt, dst, &d, why);
    if (!rc && ((unsigned int)src->offset + len > PAGE_BYTES ||
                (unsigned int)dst->offset + len > PAGE_BYTES)) {
        *why = "offset + len beyond the page";
        rc = GNTST_bad_copy_arg;
    }
    if (!rc && len)
        __builtin_memmove((char *)env->map_frame(env->ctx, d.frame) +
                              dst->offset,
                          (char *)env->map_frame(env->ctx, s.frame) +
                              src->offset,
                          len);
    copy_release(env, &d);
    copy_release(env, &s);
    return rc;
}

/* ------------------------------------------------------ domain death */

/* Drop a mapping without touching its host PTE (its owner's tables). */
static void drop_mapping(struct gnttab_env *env, struct grant_table *lgt,
                         uint32_t h, struct grant_table *rgt)
{
    struct gnttab_maptrack *mt = gnttab_maptrack_of(lgt, h);
    bool ro = mt->flags & MT_READONLY;

    if (rgt) {
        struct gnttab_active *act = gnttab_active_of(rgt, mt->ref);

        if (mt->flags & MT_DEVICE) {
            env->put_frame(env->ctx, act->frame, !ro);
            release(env, rgt, mt->ref, ro ? PIN_DEV_RO : PIN_DEV_RW);
        }
        if (mt->flags & MT_HOST)
            release(env, rgt, mt->ref, ro ? PIN_HOST_RO : PIN_HOST_RW);
    }
    maptrack_put(lgt, h);
}

void gnttab_release_mappings(struct gnttab_env *env, struct grant_table *gt)
{
    uint32_t n = gt->nr_maptrack_pages * GNTTAB_MAPTRACK_PER_PAGE;

    for (uint32_t h = 0; h < n && gt->nr_maptrack_used; h++) {
        struct gnttab_maptrack *mt = gnttab_maptrack_of(gt, h);

        if (mt->flags & MT_IN_USE)
            drop_mapping(env, gt, h, granter_of(env, mt));
    }
}

void gnttab_forget_granter(struct gnttab_env *env, struct grant_table *other,
                           struct grant_table *dying)
{
    uint32_t n = other->nr_maptrack_pages * GNTTAB_MAPTRACK_PER_PAGE;

    for (uint32_t h = 0; h < n && other->nr_maptrack_used; h++) {
        struct gnttab_maptrack *mt = gnttab_maptrack_of(other, h);

        if ((mt->flags & MT_IN_USE) && mt->domid == dying->domid &&
            mt->granter_gen == dying->gen)
            drop_mapping(env, other, h, dying);
    }
}

void gnttab_release_pins(struct gnttab_env *env, struct grant_table *gt)
{
    for (uint32_t ref = 0; ref < gnttab_nr_entries(gt) && gt->nr_pinned;
         ref++) {
        struct gnttab_active *act = gnttab_active_of(gt, ref);

        if (gnttab_pins(act)) {
            env->put_frame(env->ctx, act->frame, false);
            *act = (struct gnttab_active){ 0 };
            gt->nr_pinned--;
        }
    }
}
