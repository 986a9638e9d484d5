/* SPDX-License-Identifier: MIT */
/*
 * libFuzzer target for hv/mm/page-type.c: random sequences of pins,
 * unpins, entry updates at every level, base-pointer changes, guest writes
 * through writable mappings, frames given back and handed to the other
 * domain, and TLB flushes, on 24 fake frames shared by two domains. After
 * every operation all counts are recomputed from the tables and compared,
 * and the isolation invariant is checked against a model of the TLB.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "hv/mm/page-type.h"

#define NR_FRAMES  24
#define NR_RAM     20          /* 20-23 start free */
#define DOM_A      1
#define DOM_B      2
#define HV_FILL(s) (0x7FF0000000000067UL | ((uint64_t)(s) << 12))

static uint64_t mem[NR_FRAMES][512];
static struct page_info frames[NR_FRAMES];
/* Frames a TLB may hold writable, and frames it may walk as tables. */
static bool tlb_rw[NR_FRAMES], tlb_walk[NR_FRAMES];
static uint64_t base[3][2];    /* per domain: kernel and user L4, ~0 none */
static unsigned long long nr_ops;

static uint64_t *fz_map(void *ctx, uint64_t mfn)
{
    (void)ctx;
    return mem[mfn];
}

static void fz_flush(void *ctx)
{
    (void)ctx;
    memset(tlb_rw, 0, sizeof(tlb_rw));
    memset(tlb_walk, 0, sizeof(tlb_walk));
}

static void fz_fill(void *ctx, uint64_t *l4)
{
    (void)ctx;
    for (unsigned int s = PT_HV_FIRST_SLOT; s <= PT_HV_LAST_SLOT; s++)
        l4[s] = HV_FILL(s);
}

static void fz_free(void *ctx, uint64_t mfn)
{
    (void)ctx;
    frames[mfn].owner = 0xFFFF;
}

static struct pt_env env = {
    .frames = frames, .nr_frames = NR_FRAMES, .map = fz_map,
    .flush_tlb = fz_flush, .fill_hv_slots = fz_fill, .free_frame = fz_free,
};

static void fail(const char *what, uint64_t mfn, uint64_t got, uint64_t want)
{
    fprintf(stderr, "invariant broken after op %llu: %s: frame %lu got %#lx "
            "want %#lx\n", nr_ops, what, (unsigned long)mfn,
            (unsigned long)got, (unsigned long)want);
    abort();
}

static unsigned int level_of(uint64_t mfn)
{
    return pt_level(&env, mfn);
}

/* Recompute every count from the validated tables, pins and bases. */
static void check_invariants(void)
{
    uint64_t gen[NR_FRAMES] = { 0 }, typ[NR_FRAMES] = { 0 };

    for (uint64_t f = 0; f < NR_FRAMES; f++) {
        struct page_info *pg = &frames[f];
        unsigned int lvl = level_of(f);

        if (pg->count_info & PGC_allocated)
            gen[f]++;
        if (pg->type_info & PGT_pinned) {
            gen[f]++;
            typ[f]++;
        }
        if (!lvl)
            continue;
        for (unsigned int i = 0; i < 512; i++) {
            uint64_t e = mem[f][i], t = (e & PTE_FRAME) >> 12;

            if (lvl == 4 && i >= PT_HV_FIRST_SLOT && i <= PT_HV_LAST_SLOT) {
                if (e != HV_FILL(i))
                    fail("hv slot of a validated L4", f, e, HV_FILL(i));
                continue;
            }
            if (!(e & PTE_PRESENT) || t >= NR_FRAMES)
                continue;
            if (frames[t].owner != pg->owner)
                fail("table references another domain's frame", f, t,
                     pg->owner);
            gen[t]++;
            if (lvl == 1) {
                if (!(e & PTE_USER))
                    fail("L1 entry without US", f, e, 0);
                if (e & PTE_RW) {
                    typ[t]++;
                    if ((frames[t].type_info & PGT_type_mask) !=
                        PGT_writable)
                        fail("RW mapping of a non-writable frame", t,
                             frames[t].type_info, PGT_writable);
                    tlb_rw[t] = true;
                }
            } else {
                if (e & PTE_PSE)
                    fail("superpage in a validated table", f, e, 0);
                if (level_of(t) != lvl - 1)
                    fail("entry names a frame not validated one level down",
                         t, level_of(t), lvl - 1);
                typ[t]++;
                tlb_walk[t] = true;
            }
        }
    }
    for (int d = 1; d <= 2; d++)
        for (int k = 0; k < 2; k++)
            if (base[d][k] != ~0UL) {
                gen[base[d][k]]++;
                typ[base[d][k]]++;
                if (level_of(base[d][k]) != 4)
                    fail("base pointer is not a validated L4", base[d][k],
                         0, 4);
            }
    for (uint64_t f = 0; f < NR_FRAMES; f++) {
        uint64_t t = frames[f].type_info & PGT_type_mask;

        if ((frames[f].count_info & PGC_count_mask) != gen[f])
            fail("general count", f, frames[f].count_info, gen[f]);
        if ((frames[f].type_info & PGT_count_mask) != typ[f])
            fail("type count", f, frames[f].type_info, typ[f]);
        /* Isolation, stale TLB entries included. */
        if (typ[f] && t != PGT_writable && tlb_rw[f])
            fail("frame is typed while a TLB may map it writable", f,
                 frames[f].type_info, 0);
        if (typ[f] && t == PGT_writable && tlb_walk[f])
            fail("frame is writable while a TLB may walk it", f,
                 frames[f].type_info, 0);
        if (!(frames[f].count_info & PGC_count_mask) &&
            frames[f].owner != 0xFFFF)
            fail("unreferenced frame still owned", f, frames[f].owner,
                 0xFFFF);
    }
}

static void reset(void)
{
    memset(mem, 0, sizeof(mem));
    memset(frames, 0, sizeof(frames));
    fz_flush(NULL);
    for (uint64_t f = 0; f < NR_FRAMES; f++) {
        frames[f].owner = f < 14 ? DOM_A : f < NR_RAM ? DOM_B : 0xFFFF;
        frames[f].count_info = f < NR_RAM ? PGC_allocated | 1 : 0;
    }
    memset(base, 0xFF, sizeof(base));
    env.flush_pending = false;
}

struct input {
    const uint8_t *p;
    size_t n;
};

static uint64_t take(struct input *in, unsigned int bytes)
{
    uint64_t v = 0;

    for (unsigned int i = 0; i < bytes && in->n; i++, in->n--)
        v = v << 8 | *in->p++;
    return v;
}

/* Mostly frames that exist, sometimes one that is not RAM. */
static uint64_t pick_frame(struct input *in)
{
    uint64_t v = take(in, 1);

    return v < 240 ? v % NR_FRAMES : NR_FRAMES + v % 4;
}

static unsigned int pick_index(struct input *in)
{
    static const unsigned int idx[] = { 0, 1, 2, 3, 255, 256, 261, 271,
                                        272, 511 };

    return idx[take(in, 1) % 10];
}

static uint64_t pick_value(struct input *in)
{
    uint64_t flags = take(in, 2), v = pick_frame(in) << 12;

    /* P RW US PWT PCD A D PSE G, 9-11, and a few high bits. */
    v |= flags & 0x1FF;
    if (flags & 0x200)
        v |= 1UL << 52;
    if (flags & 0x400)
        v |= 1UL << 63;
    if (flags & 0x800)
        v |= (flags & 0x7000) >> 3;   /* bits 9-11 */
    if ((flags & 0xC000) == 0xC000)
        v = take(in, 8);              /* anything at all */
    return v;
}

static void op(struct input *in)
{
    uint8_t kind = take(in, 1);
    struct pt_dom dom = { .domid = kind & 0x80 ? DOM_B : DOM_A,
                          .cache_attrs = kind & 0x40 };
    const char *why = "";
    uint64_t mfn = pick_frame(in), *slot;
    unsigned int level;

    switch (kind % 8) {
    case 0:
        pt_pin(&env, &dom, mfn, take(in, 1) % 6, &why);
        break;
    case 1:
        pt_unpin(&env, &dom, mfn, &why);
        break;
    case 2:
    case 3:
        pt_update(&env, &dom, mfn, pick_index(in), pick_value(in),
                  take(in, 1) & 1, &level, &why);
        break;
    case 4:
        /* NEW_BASEPTR / NEW_USER_BASEPTR: new reference first. */
        slot = &base[dom.domid][take(in, 1) & 1];
        if (mfn % 8 == 7) {
            if (*slot != ~0UL)
                pt_put_page_and_type(&env, *slot);
            *slot = ~0UL;
        } else if (!pt_get_page_and_type(&env, &dom, mfn, PGT_l4, &why)) {
            if (*slot != ~0UL)
                pt_put_page_and_type(&env, *slot);
            *slot = mfn;
        }
        break;
    case 5:
        /* The guest writes through a writable mapping it holds. */
        if (mfn < NR_FRAMES && (tlb_rw[mfn] ||
            ((frames[mfn].type_info & PGT_type_mask) == PGT_writable &&
             (frames[mfn].type_info & PGT_count_mask))))
            mem[mfn][pick_index(in)] = pick_value(in);
        break;
    case 6:
        /* Give a frame back (decrease_reservation) or hand a free one out. */
        if (mfn >= NR_FRAMES)
            break;
        if (frames[mfn].owner == dom.domid &&
            (frames[mfn].count_info & PGC_allocated)) {
            frames[mfn].count_info &= ~PGC_allocated;
            pt_put_page(&env, mfn);
        } else if (frames[mfn].owner == 0xFFFF) {
            frames[mfn].owner = dom.domid;
            frames[mfn].count_info = PGC_allocated | 1;
            if (kind & 0x20)
                frames[mfn].type_info = 0;
        }
        break;
    case 7:
        fz_flush(NULL);
        pt_flushed(&env);
        break;
    }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    struct input in = { data, size };

    reset();
    while (in.n) {
        op(&in);
        nr_ops++;
        check_invariants();
    }
    /* Tear everything down: all counts must come back to the allocation. */
    for (int d = 1; d <= 2; d++)
        for (int k = 0; k < 2; k++)
            if (base[d][k] != ~0UL)
                pt_put_page_and_type(&env, base[d][k]);
    memset(base, 0xFF, sizeof(base));
    for (uint64_t f = 0; f < NR_FRAMES; f++)
        if (frames[f].type_info & PGT_pinned) {
            struct pt_dom dom = { .domid = frames[f].owner };
            const char *why;

            if (frames[f].count_info & PGC_allocated)
                pt_unpin(&env, &dom, f, &why);
            else {
                frames[f].type_info &= ~PGT_pinned;
                pt_put_page_and_type(&env, f);
            }
        }
    check_invariants();
    for (uint64_t f = 0; f < NR_FRAMES; f++)
        if ((frames[f].type_info & PGT_count_mask) ||
            (frames[f].count_info & PGC_count_mask) !=
                !!(frames[f].count_info & PGC_allocated))
            fail("reference left after teardown", f, frames[f].count_info,
                 0);
    return 0;
}

/* libFuzzer counts inputs; the note in the docs wants operations. */
__attribute__((destructor)) static void report_ops(void)
{
    fprintf(stderr, "fuzz-page-type: %llu operations checked\n", nr_ops);
}
