/* SPDX-License-Identifier: MIT */
/*
 * libFuzzer target for hv/grant/grant-table.c: random sequences of map,
 * unmap, copy, entry rewrites (the granter is hostile), frame type
 * changes and domain deaths on the fake machine of
 * tests/unit/hv/grant/fake-env.h. After every step each frame's
 * references must be exactly what its holders account for, no page
 * table may hold a writable reference, and after every domain dies
 * nothing may be left.
 */
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include <abi/memory.h>

#include "tests/unit/hv/grant/fake-env.h"

#define NR_REFS 24             /* refs 0..23 of each table are played with */

struct input {
    const uint8_t *p;
    size_t n;
};

static uint32_t take(struct input *in, unsigned int bytes)
{
    uint32_t v = 0;

    while (bytes-- && in->n) {
        v = v << 8 | *in->p++;
        in->n--;
    }
    return v;
}

static void check(void)
{
    int f = fake_check_refs();

    if (f >= 0) {
        fprintf(stderr, "frame %d: refs %u wrefs %u table %d\n", f,
                fake.frames[f].refs, fake.frames[f].wrefs,
                fake.frames[f].table);
        abort();
    }
}

static void new_domain(uint16_t d, unsigned int max_mt)
{
    fake_table(d, 1, max_mt);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    struct input in = { data, size };
    const char *why;

    fake_reset();
    for (uint16_t d = 0; d < FAKE_DOMS; d++)
        new_domain(d, 1);

    while (in.n) {
        uint32_t op = take(&in, 1), a = take(&in, 4), b = take(&in, 2);
        uint16_t self = a % FAKE_DOMS, other = (a >> 2) % FAKE_DOMS;
        struct grant_table *gt = fake.gt[self];

        switch (op % 7) {
        case 0: {                  /* granter writes an entry */
            struct grant_table *g = fake.gt[other];
            uint32_t ref = (a >> 4) % NR_REFS;

            if (!g)
                break;
            g->shared[0][ref] = (struct grant_entry_v1){
                .flags = (uint16_t)(b & 0x1ff),
                .domid = (uint16_t)((a >> 9) % (FAKE_DOMS + 1)),
                .frame = (uint32_t)((a >> 12) % (FAKE_FRAMES + 2)) };
            break;
        }
        case 1: {                  /* map */
            struct gnttab_map_req req = {
                .host_addr = (uint64_t)((a >> 4) % (FAKE_SLOTS + 1)) << 12,
                .flags = b & 0x1f, .ref = (a >> 9) % (NR_REFS + 2),
                .dom = other };
            struct gnttab_map_res res;

            if (!gt)
                break;
            if (gnttab_maptrack_wants_page(gt))
                gnttab_maptrack_add_page(gt, calloc(1, 4096));
            gnttab_map(&fake_env, gt, &req, &res, &why);
            break;
        }
        case 2: {                  /* unmap */
            uint32_t h = (a >> 4) % 300;
            struct gnttab_maptrack *mt;
            uint64_t dev = 0, addr = (uint64_t)(b % (FAKE_SLOTS + 1)) << 12;

            if (!gt)
                break;
            mt = gnttab_maptrack_of(gt, h);
            if (mt && (mt->flags & MT_IN_USE) && fake.gt[mt->domid] &&
                (b & 0x8000))
                dev = (uint64_t)gnttab_active_of(fake.gt[mt->domid],
                                                 mt->ref)->frame << 12;
            if (b & 0x4000)
                dev ^= 0x1000;
            gnttab_unmap(&fake_env, gt, h, (b & 0x2000) ? addr : 0, dev,
                         &why);
            break;
        }
        case 3: {                  /* copy */
            struct gnttab_copy_side s = {
                .ref_or_frame = (a >> 4) % (FAKE_FRAMES + 2),
                .domid = (b & 1) ? DOMID_SELF : other,
                .offset = (uint16_t)((b >> 1) % 4200) };
            struct gnttab_copy_side d = {
                .ref_or_frame = (a >> 12) % (FAKE_FRAMES + 2),
                .domid = (b & 0x10) ? DOMID_SELF : (uint16_t)(a >> 20) %
                                                        FAKE_DOMS,
                .offset = (uint16_t)(a >> 8) };

            if (!gt)
                break;
            gnttab_copy(&fake_env, gt, &s, &d, (uint16_t)(take(&in, 2)),
                        (uint16_t)(op >> 3), &why);
            break;
        }
        case 4: {                  /* a frame becomes or stops being a PT */
            struct fake_frame *f = &fake.frames[a % FAKE_FRAMES];

            if (!f->wrefs)
                f->table = !f->table;
            break;
        }
        case 5:                    /* the guest overwrites its own PTE */
            fake_pte_put(&fake.pte[self][b % FAKE_SLOTS]);
            break;
        case 6:                    /* a domain dies and another comes */
            if (gt)
                fake_destroy(self);
            else
                new_domain(self, 1 + b % 2);
            break;
        }
        check();
    }
    for (uint16_t d = 0; d < FAKE_DOMS; d++)
        if (fake.gt[d])
            fake_destroy(d);
    for (unsigned int f = 0; f < FAKE_FRAMES; f++)
        if (fake.frames[f].refs || fake.frames[f].wrefs)
            abort();
    return 0;
}
