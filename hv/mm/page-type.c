/* SPDX-License-Identifier: MIT */
/*
 * The page-type state machine (see page-type.h and docs/architecture.md).
 * Validation and release recurse at most four levels deep: a table only
 * ever references tables one level below it, and a frame holds one type
 * at a time, so no chain can come back to a frame on the stack.
 */
#include "mm/page-type.h"

#include <abi/memory.h>
#include <hv/errno.h>

/* Breaking one of these would break isolation: stop rather than go on. */
#define PT_BUG_ON(cond)            \
    do {                           \
        if (cond)                  \
            __builtin_trap();      \
    } while (0)

#define PTE_CACHE    (PTE_PWT | PTE_PCD | PTE_PAT)
/* Bits any level accepts; L1 also takes G (and cache bits with rights). */
#define PTE_COMMON   (PTE_PRESENT | PTE_RW | PTE_USER | PTE_ACCESSED | \
                      PTE_DIRTY | PTE_AVAIL | PTE_AVAIL_HIGH | PTE_NX | \
                      PTE_FRAME)
/*
 * An update that keeps the frame and changes only these bits needs no new
 * references (reference §5.4). RW, PSE, the cache bits and P are never
 * here: changing them always goes through the full check (XSA-148/182).
 */
#define PTE_FAST     (PTE_ACCESSED | PTE_DIRTY | PTE_AVAIL | PTE_AVAIL_HIGH | \
                      PTE_NX | PTE_USER)

static inline struct page_info *page(struct pt_env *env, uint64_t mfn)
{
    return &env->frames[mfn];
}

static inline uint64_t pte_frame(uint64_t pte)
{
    return (pte & PTE_FRAME) >> 12;
}

static inline uint64_t type_of(const struct page_info *pg)
{
    return pg->type_info & PGT_type_mask;
}

static inline uint64_t type_count(const struct page_info *pg)
{
    return pg->type_info & PGT_count_mask;
}

static inline bool is_table_type(uint64_t type)
{
    return type >= PGT_l1 && type <= PGT_l4;
}

static inline bool is_hv_slot(unsigned int level, unsigned int idx)
{
    return level == 4 && idx >= PT_HV_FIRST_SLOT && idx <= PT_HV_LAST_SLOT;
}

static bool owned(struct pt_env *env, const struct pt_dom *dom, uint64_t mfn)
{
    const struct page_info *pg;

    if (mfn >= env->nr_frames)
        return false;
    pg = page(env, mfn);
    return pg->owner == dom->domid && (pg->count_info & PGC_allocated);
}

unsigned int pt_level(const struct pt_env *env, uint64_t mfn)
{
    const struct page_info *pg;

    if (mfn >= env->nr_frames)
        return 0;
    pg = &env->frames[mfn];
    if (!is_table_type(type_of(pg)) || !type_count(pg) ||
        !(pg->type_info & PGT_validated))
        return 0;
    return type_of(pg) >> 60;
}

/* ------------------------------------------------------ general refs */

int pt_get_page(struct pt_env *env, const struct pt_dom *dom, uint64_t mfn)
{
    struct page_info *pg;

    if (!owned(env, dom, mfn))
        return -EINVAL;
    pg = page(env, mfn);
    if ((pg->count_info & PGC_count_mask) == PGC_count_mask)
        return -EINVAL;
    pg->count_info++;
    return 0;
}

void pt_put_page(struct pt_env *env, uint64_t mfn)
{
    struct page_info *pg = page(env, mfn);

    PT_BUG_ON(mfn >= env->nr_frames || !(pg->count_info & PGC_count_mask));
    pg->count_info--;
    /* Only a frame its domain gave back can get here (no PGC_allocated). */
    if (!(pg->count_info & PGC_count_mask) && env->free_frame)
        env->free_frame(env->ctx, mfn);
}

/* ------------------------------------------------------ entries */

static int get_entry(struct pt_env *env, const struct pt_dom *dom,
                     unsigned int level, uint64_t val, uint64_t *out,
                     const char **why);
static void put_entry(struct pt_env *env, unsigned int level, uint64_t old);

/* The bits hv adds to a present entry, as Xen does (reference §5.5). */
static uint64_t adjust(unsigned int level, uint64_t val)
{
    if (level > 1)
        return val | PTE_USER;
    /* Guest kernels run in ring 3: kernel pages must be user pages too. */
    if (!(val & PTE_USER))
        return val | PTE_USER | PTE_GUEST_KERNEL;
    if (!(val & PTE_GUEST_KERNEL))
        return val | PTE_GLOBAL;
    return val;
}

/* Why a frame of this type cannot be mapped writable. */
static const char *writable_refusal(uint64_t type)
{
    switch (type) {
    case PGT_l1: return "writable mapping of an L1 table frame";
    case PGT_l2: return "writable mapping of an L2 table frame";
    case PGT_l3: return "writable mapping of an L3 table frame";
    case PGT_l4: return "writable mapping of an L4 table frame";
    case PGT_seg_desc: return "writable mapping of a descriptor frame";
    default: return "writable mapping of a frame being validated";
    }
}

/* Device memory, a hole or ROM: mapped without references. */
static bool is_io_frame(const struct pt_env *env, uint64_t mfn)
{
    return mfn >= env->nr_frames || env->frames[mfn].owner == DOMID_IO;
}

int pt_l1e_get(struct pt_env *env, const struct pt_dom *dom, uint64_t val,
               uint64_t *out, const char **why)
{
    uint64_t ok = PTE_COMMON | PTE_GLOBAL | (dom->cache_attrs ? PTE_CACHE : 0);
    uint64_t mfn = pte_frame(val);

    if (!(val & PTE_PRESENT)) {
        *out = val;
        return 0;
    }
    if (val & ~ok) {
        *why = val & ~ok & PTE_CACHE
                   ? "cache attributes need I/O rights"
                   : "reserved bits set";
        return -EINVAL;
    }
    if (is_io_frame(env, mfn)) {
        int access = env->io_access ? env->io_access(env->ctx, mfn)
                                    : PT_IO_RW;

        if (!dom->io_frames || access == PT_IO_NONE) {
            *why = "frame is not RAM and the domain has no I/O-memory "
                   "rights to it";
            return -EPERM;
        }
        if (access == PT_IO_RO)
            val &= ~PTE_RW;
        *out = adjust(1, val);
        return 0;
    }
    struct pt_dom data_owner = { .domid = dom->data_domid };

    if (dom->foreign_data)
        dom = &data_owner;
    if (pt_get_page(env, dom, mfn)) {
        *why = "frame is not the domain's";
        return -EBUSY;
    }
    if ((val & PTE_RW) && pt_get_type(env, dom, mfn, PGT_writable, why)) {
        pt_put_page(env, mfn);
        *why = writable_refusal(type_of(page(env, mfn)));
        return -EBUSY;
    }
    *out = adjust(1, val);
    return 0;
}

void pt_l1e_put(struct pt_env *env, uint64_t old)
{
    uint64_t mfn = pte_frame(old);

    if (!(old & PTE_PRESENT) || is_io_frame(env, mfn))
        return;
    if (old & PTE_RW)
        pt_put_type(env, mfn);
    pt_put_page(env, mfn);
}

/* An L2-L4 entry: the frame it names must validate one level down. */
static int get_table_entry(struct pt_env *env, const struct pt_dom *dom,
                           unsigned int level, uint64_t val, uint64_t *out,
                           const char **why)
{
    uint64_t mfn = pte_frame(val);

    if (val & PTE_PSE) {
        *why = "superpage (PSE) entries are not supported";
        return -EINVAL;
    }
    if (val & ~PTE_COMMON) {
        *why = "reserved bits (PWT/PCD/G or above) set";
        return -EINVAL;
    }
    if (pt_get_page(env, dom, mfn)) {
        *why = "table frame is not the domain's";
        return -EINVAL;
    }
    if (pt_get_type(env, dom, mfn, PGT_level(level - 1), why)) {
        pt_put_page(env, mfn);
        return -EINVAL;
    }
    *out = adjust(level, val);
    return 0;
}

static int get_entry(struct pt_env *env, const struct pt_dom *dom,
                     unsigned int level, uint64_t val, uint64_t *out,
                     const char **why)
{
    env->work++;
    if (!(val & PTE_PRESENT)) {
        *out = val;
        return 0;
    }
    if (level == 1)
        return pt_l1e_get(env, dom, val, out, why);
    return get_table_entry(env, dom, level, val, out, why);
}

static void put_entry(struct pt_env *env, unsigned int level, uint64_t old)
{
    env->work++;
    if (!(old & PTE_PRESENT))
        return;
    if (level == 1)
        pt_l1e_put(env, old);
    else
        pt_put_page_and_type(env, pte_frame(old));
}

/* ------------------------------------------------------ validation */

static void release_entries(struct pt_env *env, uint64_t mfn,
                            unsigned int level, unsigned int nr)
{
    uint64_t *t = env->map(env->ctx, mfn);

    for (unsigned int i = 0; i < nr; i++)
        if (!is_hv_slot(level, i))
            put_entry(env, level, t[i]);
}

/* Take references for every entry; all or nothing. */
static int validate(struct pt_env *env, const struct pt_dom *dom,
                    uint64_t mfn, unsigned int level, const char **why)
{
    uint64_t *t = env->map(env->ctx, mfn);

    for (unsigned int i = 0; i < 512; i++) {
        uint64_t adj;
        int rc;

        if (is_hv_slot(level, i))
            continue;
        rc = get_entry(env, dom, level, t[i], &adj, why);
        if (rc) {
            release_entries(env, mfn, level, i);
            return rc;
        }
        t[i] = adj;
    }
    if (level == 4)
        env->fill_hv_slots(env->ctx, t);
    return 0;
}

/* ------------------------------------------------------ type refs */

static const char *type_name(uint64_t type)
{
    switch (type) {
    case PGT_l1: return "frame is in use as an L1 table";
    case PGT_l2: return "frame is in use as an L2 table";
    case PGT_l3: return "frame is in use as an L3 table";
    case PGT_l4: return "frame is in use as an L4 table";
    case PGT_seg_desc: return "frame is in use as a descriptor page";
    case PGT_writable: return "frame is mapped writable";
    default: return "frame is in use with another type";
    }
}

int pt_get_type(struct pt_env *env, const struct pt_dom *dom, uint64_t mfn,
                uint64_t type, const char **why)
{
    struct page_info *pg = page(env, mfn);
    uint64_t old = type_of(pg);
    int rc;

    PT_BUG_ON(mfn >= env->nr_frames);
    if (type_count(pg)) {
        if (old != type) {
            *why = type_name(old);
            return -EINVAL;
        }
        if (is_table_type(type) && !(pg->type_info & PGT_validated)) {
            *why = "frame is being validated";
            return -EINVAL;
        }
        if (type_count(pg) == PGT_count_mask) {
            *why = "type count overflow";
            return -EINVAL;
        }
        pg->type_info++;
        return 0;
    }

    /*
     * First use in this type. If the frame had another one, a TLB may
     * still hold a writable mapping of it, or a walk through it: flush.
     * "No type" counts as another one: a frame that was freed and handed
     * out again starts untyped, yet its previous owner's TLB entries may
     * still be live (found by the fuzzer).
     */
    if (old != type && env->flush_pending) {
        env->flush_tlb(env->ctx);
        env->flush_pending = false;
    }
    pg->type_info = type | 1;
    if (!is_table_type(type))
        return 0;
    rc = validate(env, dom, mfn, type >> 60, why);
    if (rc) {
        pg->type_info = type;
        return rc;
    }
    pg->type_info |= PGT_validated;
    return 0;
}

void pt_put_type(struct pt_env *env, uint64_t mfn)
{
    struct page_info *pg = page(env, mfn);
    uint64_t type = type_of(pg);

    PT_BUG_ON(mfn >= env->nr_frames || !type_count(pg));
    if (type_count(pg) > 1) {
        pg->type_info--;
        return;
    }
    PT_BUG_ON(pg->type_info & PGT_pinned);
    pg->type_info = type;
    env->flush_pending = true;
    if (is_table_type(type))
        release_entries(env, mfn, type >> 60, 512);
}

int pt_get_page_and_type(struct pt_env *env, const struct pt_dom *dom,
                         uint64_t mfn, uint64_t type, const char **why)
{
    int rc;

    if (pt_get_page(env, dom, mfn)) {
        *why = "frame is not the domain's";
        return -EINVAL;
    }
    rc = pt_get_type(env, dom, mfn, type, why);
    if (rc)
        pt_put_page(env, mfn);
    return rc;
}

void pt_put_page_and_type(struct pt_env *env, uint64_t mfn)
{
    pt_put_type(env, mfn);
    pt_put_page(env, mfn);
}

/* ------------------------------------------------------ pins */

int pt_pin(struct pt_env *env, const struct pt_dom *dom, uint64_t mfn,
           unsigned int level, const char **why)
{
    struct page_info *pg;
    int rc;

    if (level < 1 || level > 4) {
        *why = "no such table level";
        return -EINVAL;
    }
    rc = pt_get_page_and_type(env, dom, mfn, PGT_level(level), why);
    if (rc)
        return rc;
    pg = page(env, mfn);
    if (pg->type_info & PGT_pinned) {
        pt_put_page_and_type(env, mfn);
        *why = "already pinned";
        return -EINVAL;
    }
    pg->type_info |= PGT_pinned;
    return 0;
}

int pt_unpin(struct pt_env *env, const struct pt_dom *dom, uint64_t mfn,
             const char **why)
{
    struct page_info *pg;

    if (!owned(env, dom, mfn)) {
        *why = "frame is not the domain's";
        return -EINVAL;
    }
    pg = page(env, mfn);
    if (!(pg->type_info & PGT_pinned)) {
        *why = "not pinned";
        return -EINVAL;
    }
    pg->type_info &= ~PGT_pinned;
    pt_put_page_and_type(env, mfn);
    return 0;
}

/* ------------------------------------------------------ updates */

static int update_table(struct pt_env *env, const struct pt_dom *dom,
                        uint64_t mfn, unsigned int level, unsigned int idx,
                        uint64_t val, bool preserve_ad, const char **why)
{
    uint64_t *slot = &env->map(env->ctx, mfn)[idx];
    uint64_t old = *slot, adj;
    int rc;

    if (is_hv_slot(level, idx)) {
        *why = "L4 slots 256-271 belong to hv";
        return -EINVAL;
    }
    if (preserve_ad)
        val |= old & (PTE_ACCESSED | PTE_DIRTY);
    env->work++;
    if ((val & PTE_PRESENT) && (old & PTE_PRESENT) &&
        pte_frame(val) == pte_frame(old) &&
        !((adjust(level, val) ^ old) &
          ~(PTE_FAST | (level == 1 ? PTE_GLOBAL : 0)))) {
        *slot = adjust(level, val);
        return 0;
    }
    /* New references first: re-pointing at the same frame keeps it typed. */
    rc = get_entry(env, dom, level, val, &adj, why);
    if (rc)
        return rc;
    *slot = adj;
    put_entry(env, level, old);
    return 0;
}

int pt_update(struct pt_env *env, const struct pt_dom *dom, uint64_t mfn,
              unsigned int idx, uint64_t val, bool preserve_ad,
              unsigned int *level, const char **why)
{
    struct page_info *pg;
    int rc;

    *level = 0;
    idx %= 512;
    if (pt_get_page(env, dom, mfn)) {
        *why = "frame is not the domain's";
        return -EINVAL;
    }
    pg = page(env, mfn);
    *level = pt_level(env, mfn);
    if (*level) {
        rc = update_table(env, dom, mfn, *level, idx, val, preserve_ad, why);
    } else if (type_count(pg) && type_of(pg) != PGT_writable) {
        *why = type_name(type_of(pg));
        rc = -EINVAL;
    } else {
        /* Ordinary memory: a plain write, as if through a RW mapping. */
        rc = pt_get_type(env, dom, mfn, PGT_writable, why);
        if (!rc) {
            env->map(env->ctx, mfn)[idx] = val;
            pt_put_type(env, mfn);
        }
    }
    pt_put_page(env, mfn);
    return rc;
}

int pt_walk_l1(struct pt_env *env, uint64_t l4_mfn, uint64_t va,
               uint64_t *l1_mfn, unsigned int *idx, const char **why)
{
    uint64_t mfn = l4_mfn;

    if ((uint64_t)((int64_t)(va << 16) >> 16) != va ||
        (va >> 39 & 511) - PT_HV_FIRST_SLOT <=
            PT_HV_LAST_SLOT - PT_HV_FIRST_SLOT) {
        *why = "address outside the guest's range";
        return -EINVAL;
    }
    for (unsigned int level = 4; level > 1; level--) {
        uint64_t e;

        if (pt_level(env, mfn) != level) {
            *why = "table of the walk is not validated";
            return -EINVAL;
        }
        e = env->map(env->ctx, mfn)[(va >> (12 + 9 * (level - 1))) & 511];
        if (!(e & PTE_PRESENT)) {
            *why = "no L1 table maps this address";
            return -EINVAL;
        }
        mfn = pte_frame(e);
    }
    if (pt_level(env, mfn) != 1) {
        *why = "no validated L1 table maps this address";
        return -EINVAL;
    }
    *l1_mfn = mfn;
    *idx = (va >> 12) & 511;
    return 0;
}
