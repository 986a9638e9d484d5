/* SPDX-License-Identifier: MIT */
/*
 * Tests of hv/mm/page-type.c on a fake machine of 16 frames: frames 0-11
 * belong to domain 1, 12-13 to domain 2, 14-15 are free; MFNs from 16 on
 * are not RAM.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include <abi/errno.h>

#include "hv/mm/page-type.h"

#define NR   16
#define DOM  1
#define HV_FILL 0xABC000UL

static uint64_t mem[NR][512];
static struct page_info frames[NR];
static unsigned int nr_flushes, nr_freed;

static uint64_t *t_map(void *ctx, uint64_t mfn)
{
    (void)ctx;
    return mem[mfn];
}

static void t_flush(void *ctx)
{
    (void)ctx;
    nr_flushes++;
}

static void t_fill(void *ctx, uint64_t *l4)
{
    (void)ctx;
    for (unsigned int s = PT_HV_FIRST_SLOT; s <= PT_HV_LAST_SLOT; s++)
        l4[s] = HV_FILL | s;
}

static void t_free(void *ctx, uint64_t mfn)
{
    (void)ctx;
    (void)mfn;
    nr_freed++;
}

static struct pt_env env = {
    .frames = frames, .nr_frames = NR, .map = t_map, .flush_tlb = t_flush,
    .fill_hv_slots = t_fill, .free_frame = t_free,
};
static const struct pt_dom dom = { .domid = DOM };
static const struct pt_dom dom_io = { .domid = DOM, .cache_attrs = true,
                                      .io_frames = true };
static const char *why;

static int setup(void **state)
{
    (void)state;
    memset(mem, 0, sizeof(mem));
    memset(frames, 0, sizeof(frames));
    for (int f = 0; f < NR; f++) {
        frames[f].owner = f < 12 ? DOM : f < 14 ? 2 : 0xFFFF;
        frames[f].count_info = f < 14 ? PGC_allocated | 1 : 0;
    }
    env.flush_pending = false;
    nr_flushes = nr_freed = 0;
    why = NULL;
    return 0;
}

static uint64_t tcount(uint64_t mfn)
{
    return frames[mfn].type_info & PGT_count_mask;
}

static uint64_t gcount(uint64_t mfn)
{
    return frames[mfn].count_info & PGC_count_mask;
}

#define E(mfn, flags) ((uint64_t)(mfn) << 12 | (flags))

static uint64_t e(uint64_t mfn, uint64_t flags)
{
    return E(mfn, flags);
}

static int update(uint64_t mfn, unsigned int idx, uint64_t val)
{
    unsigned int level;

    return pt_update(&env, &dom, mfn, idx, val, false, &level, &why);
}

/* Frame 1 is an L1 mapping frame 5 RW, frame 2 an L2 linking frame 1, ... */
static void build_hierarchy(void)
{
    mem[1][0] = e(5, PTE_PRESENT | PTE_RW);
    mem[2][0] = e(1, PTE_PRESENT | PTE_RW);
    mem[3][0] = e(2, PTE_PRESENT | PTE_RW);
    mem[4][0] = e(3, PTE_PRESENT | PTE_RW);
}

static void test_pin_of_l4_validates_the_whole_hierarchy(void **state)
{
    (void)state;
    build_hierarchy();
    assert_int_equal(pt_pin(&env, &dom, 4, 4, &why), 0);
    for (int f = 1; f <= 4; f++) {
        assert_int_equal(pt_level(&env, f), f);
        assert_int_equal(tcount(f), 1);
        assert_int_equal(gcount(f), 2);
    }
    assert_int_equal(frames[5].type_info & PGT_type_mask, PGT_writable);
    assert_int_equal(tcount(5), 1);
    assert_int_equal(mem[4][261], HV_FILL | 261);
}

static void test_unpin_of_l4_releases_every_reference(void **state)
{
    (void)state;
    build_hierarchy();
    assert_int_equal(pt_pin(&env, &dom, 4, 4, &why), 0);
    assert_int_equal(pt_unpin(&env, &dom, 4, &why), 0);
    for (int f = 1; f <= 5; f++) {
        assert_int_equal(tcount(f), 0);
        assert_int_equal(gcount(f), 1);
        assert_int_equal(pt_level(&env, f), 0);
    }
    assert_true(env.flush_pending);
}

static void test_writable_map_of_pinned_table_is_rejected(void **state)
{
    (void)state;
    build_hierarchy();
    assert_int_equal(pt_pin(&env, &dom, 4, 4, &why), 0);
    assert_int_equal(pt_pin(&env, &dom, 6, 1, &why), 0);
    for (uint64_t t = 1; t <= 4; t++) {
        assert_int_equal(update(6, 7, e(t, PTE_PRESENT | PTE_RW)), -XEN_EBUSY);
        assert_non_null(strstr(why, "writable mapping of an L"));
        assert_int_equal(mem[6][7], 0);
        assert_int_equal(update(6, 7, e(t, PTE_PRESENT)), 0);
        assert_int_equal(update(6, 7, 0), 0);
    }
}

static void test_writable_map_of_pinned_l2_is_rejected(void **state)
{
    (void)state;
    assert_int_equal(pt_pin(&env, &dom, 2, 2, &why), 0);
    assert_int_equal(pt_pin(&env, &dom, 6, 1, &why), 0);
    assert_int_equal(update(6, 0, e(2, PTE_PRESENT | PTE_RW)), -XEN_EBUSY);
    assert_string_equal(why, "writable mapping of an L2 table frame");
}

static void test_pin_of_writably_mapped_frame_is_rejected(void **state)
{
    (void)state;
    assert_int_equal(pt_pin(&env, &dom, 6, 1, &why), 0);
    assert_int_equal(update(6, 0, e(7, PTE_PRESENT | PTE_RW)), 0);
    assert_int_equal(pt_pin(&env, &dom, 7, 1, &why), -XEN_EINVAL);
    assert_string_equal(why, "frame is mapped writable");
}

struct entry_case {
    const char *what;
    unsigned int level;
    uint64_t val;
    bool io;
    int rc;
    uint64_t stored;            /* 0: don't check */
};

static void test_entry_rules_per_level(void **state)
{
    static const struct entry_case cases[] = {
        { "L1 kernel RW", 1, E(7, 0x63), false, 0,
          E(7, 0x67) | PTE_GUEST_KERNEL },
        { "L1 user RW gains G", 1, E(7, 0x67), false, 0, E(7, 0x167) },
        { "L1 G kept", 1, E(7, 0x161), false, 0,
          E(7, 0x165) | PTE_GUEST_KERNEL },
        { "L1 PCD without rights", 1, E(7, 0x11), false, -XEN_EINVAL, 0 },
        { "L1 PCD with rights", 1, E(7, 0x11), true, 0, 0 },
        { "L1 frame of domain 2", 1, E(12, 0x1), false, -XEN_EBUSY, 0 },
        { "L1 free frame", 1, E(14, 0x1), false, -XEN_EBUSY, 0 },
        { "L1 not RAM", 1, E(40, 0x1), false, -XEN_EPERM, 0 },
        { "L1 not RAM with rights", 1, E(40, 0x3), true, 0, 0 },
        { "L1 not present junk", 1, ~1UL, false, 0, ~1UL },
        { "L2 PSE", 2, E(7, 0x81), false, -XEN_EINVAL, 0 },
        { "L2 PWT", 2, E(7, 0x9), false, -XEN_EINVAL, 0 },
        { "L2 G", 2, E(7, 0x101), false, -XEN_EINVAL, 0 },
        { "L2 gains US", 2, E(7, 0x21), false, 0, E(7, 0x25) },
        { "L2 naming domain 2", 2, E(12, 0x1), false, -XEN_EINVAL, 0 },
        { "L3 PSE", 3, E(7, 0x81), false, -XEN_EINVAL, 0 },
        { "L3 gains US", 3, E(7, 0x1), false, 0, E(7, 0x5) },
        { "L4 gains US", 4, E(7, 0x1), false, 0, E(7, 0x5) },
    };

    (void)state;
    for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
        const struct entry_case *c = &cases[i];
        unsigned int level;
        int rc;

        setup(NULL);
        assert_int_equal(pt_pin(&env, &dom, 6, c->level, &why), 0);
        rc = pt_update(&env, c->io ? &dom_io : &dom, 6, 3, c->val, false,
                       &level, &why);
        if (rc != c->rc)
            fail_msg("%s: rc %d, want %d (%s)", c->what, rc, c->rc, why);
        assert_int_equal(level, c->level);
        if (c->stored && mem[6][3] != c->stored)
            fail_msg("%s: stored %#lx, want %#lx", c->what,
                     (unsigned long)mem[6][3], (unsigned long)c->stored);
        if (rc)
            assert_int_equal(mem[6][3], 0);
    }
}

static void test_hv_slots_refuse_updates(void **state)
{
    (void)state;
    assert_int_equal(pt_pin(&env, &dom, 6, 4, &why), 0);
    for (unsigned int s = PT_HV_FIRST_SLOT; s <= PT_HV_LAST_SLOT; s++) {
        assert_int_equal(update(6, s, 0), -XEN_EINVAL);
        assert_int_equal(mem[6][s], HV_FILL | s);
    }
    assert_int_equal(update(6, 272, e(7, 1)), 0);
}

static void test_linear_self_reference_is_refused(void **state)
{
    (void)state;
    assert_int_equal(pt_pin(&env, &dom, 6, 4, &why), 0);
    assert_int_equal(update(6, 0, e(6, PTE_PRESENT)), -XEN_EINVAL);
    assert_int_equal(pt_pin(&env, &dom, 7, 2, &why), 0);
    assert_int_equal(update(7, 0, e(7, PTE_PRESENT)), -XEN_EINVAL);
    assert_int_equal(tcount(7), 1);
}

static void test_fast_path_changes_no_references(void **state)
{
    (void)state;
    assert_int_equal(pt_pin(&env, &dom, 6, 1, &why), 0);
    assert_int_equal(update(6, 0, e(7, PTE_PRESENT | PTE_RW)), 0);
    assert_int_equal(update(6, 0, e(7, PTE_PRESENT | PTE_RW | PTE_ACCESSED |
                                       PTE_DIRTY | PTE_NX)), 0);
    assert_int_equal(tcount(7), 1);
    assert_int_equal(gcount(7), 2);
    /* RW is never a fast-path bit: dropping it drops the type ref. */
    assert_int_equal(update(6, 0, e(7, PTE_PRESENT)), 0);
    assert_int_equal(tcount(7), 0);
    assert_int_equal(gcount(7), 2);
}

static void test_preserve_ad_keeps_accessed_and_dirty(void **state)
{
    unsigned int level;

    (void)state;
    assert_int_equal(pt_pin(&env, &dom, 6, 1, &why), 0);
    assert_int_equal(update(6, 0, e(7, PTE_PRESENT | PTE_ACCESSED |
                                       PTE_DIRTY)), 0);
    assert_int_equal(pt_update(&env, &dom, 6, 0, e(8, PTE_PRESENT), true,
                               &level, &why), 0);
    assert_int_equal(mem[6][0] & (PTE_ACCESSED | PTE_DIRTY),
                     PTE_ACCESSED | PTE_DIRTY);
    assert_int_equal(gcount(7), 1);
    assert_int_equal(gcount(8), 2);
}

static void test_unlinking_a_table_devalidates_it(void **state)
{
    (void)state;
    build_hierarchy();
    assert_int_equal(pt_pin(&env, &dom, 4, 4, &why), 0);
    assert_int_equal(update(3, 0, 0), 0);
    assert_int_equal(pt_level(&env, 2), 0);
    assert_int_equal(pt_level(&env, 1), 0);
    assert_int_equal(tcount(5), 0);
    assert_int_equal(update(3, 0, e(2, PTE_PRESENT)), 0);
    assert_int_equal(pt_level(&env, 1), 1);
}

static void test_type_change_flushes_only_when_something_is_stale(void **state)
{
    (void)state;
    assert_int_equal(pt_pin(&env, &dom, 6, 1, &why), 0);
    assert_int_equal(nr_flushes, 0);
    assert_int_equal(update(6, 0, e(7, PTE_PRESENT | PTE_RW)), 0);
    assert_int_equal(nr_flushes, 0);
    assert_int_equal(update(6, 0, 0), 0);
    assert_true(env.flush_pending);
    assert_int_equal(pt_pin(&env, &dom, 7, 1, &why), 0);
    assert_int_equal(nr_flushes, 1);
    assert_false(env.flush_pending);
}

/* Found by the fuzzer: frame_alloc resets the type, not the TLBs. */
static void test_reallocated_frame_flushes_before_becoming_a_table(void **s)
{
    (void)s;
    assert_int_equal(pt_pin(&env, &dom, 6, 1, &why), 0);
    assert_int_equal(update(6, 0, e(7, PTE_PRESENT | PTE_RW)), 0);
    assert_int_equal(update(6, 0, 0), 0);
    frames[7].type_info = 0;    /* freed and handed out again */
    assert_int_equal(pt_pin(&env, &dom, 7, 1, &why), 0);
    assert_int_equal(nr_flushes, 1);
}

static void test_plain_write_goes_to_untyped_frames_only(void **state)
{
    (void)state;
    assert_int_equal(update(7, 9, ~0UL), 0);
    assert_int_equal(mem[7][9], ~0UL);
    assert_int_equal(tcount(7), 0);
    assert_int_equal(pt_get_page_and_type(&env, &dom, 8, PGT_seg_desc, &why),
                     0);
    assert_int_equal(update(8, 0, 1), -XEN_EINVAL);
    assert_int_equal(update(12, 0, 1), -XEN_EINVAL);
}

static void test_walk_finds_the_l1_slot(void **state)
{
    uint64_t l1;
    unsigned int idx;

    (void)state;
    build_hierarchy();
    assert_int_equal(pt_pin(&env, &dom, 4, 4, &why), 0);
    assert_int_equal(pt_walk_l1(&env, 4, 0x5000, &l1, &idx, &why), 0);
    assert_int_equal(l1, 1);
    assert_int_equal(idx, 5);
    assert_int_equal(pt_walk_l1(&env, 4, 1UL << 30, &l1, &idx, &why),
                     -XEN_EINVAL);
    assert_int_equal(pt_walk_l1(&env, 4, 1UL << 63, &l1, &idx, &why),
                     -XEN_EINVAL);
    assert_int_equal(pt_walk_l1(&env, 4, 0xFFFF830000000000UL, &l1, &idx,
                                &why), -XEN_EINVAL);
}

static void test_released_frame_is_freed_at_count_zero(void **state)
{
    (void)state;
    assert_int_equal(pt_pin(&env, &dom, 6, 1, &why), 0);
    frames[6].count_info &= ~PGC_allocated;
    pt_put_page(&env, 6);
    assert_int_equal(nr_freed, 0);
    assert_int_equal(pt_pin(&env, &dom, 6, 1, &why), -XEN_EINVAL);
    assert_int_equal(pt_unpin(&env, &dom, 6, &why), -XEN_EINVAL);
}

static void test_pin_rules(void **state)
{
    (void)state;
    assert_int_equal(pt_pin(&env, &dom, 6, 0, &why), -XEN_EINVAL);
    assert_int_equal(pt_pin(&env, &dom, 6, 5, &why), -XEN_EINVAL);
    assert_int_equal(pt_pin(&env, &dom, 12, 1, &why), -XEN_EINVAL);
    assert_int_equal(pt_pin(&env, &dom, 99, 1, &why), -XEN_EINVAL);
    assert_int_equal(pt_pin(&env, &dom, 6, 1, &why), 0);
    assert_int_equal(pt_pin(&env, &dom, 6, 1, &why), -XEN_EINVAL);
    assert_int_equal(pt_pin(&env, &dom, 6, 2, &why), -XEN_EINVAL);
    assert_int_equal(pt_unpin(&env, &dom, 7, &why), -XEN_EINVAL);
    assert_int_equal(pt_unpin(&env, &dom, 6, &why), 0);
    assert_int_equal(gcount(6), 1);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
#define T(f) cmocka_unit_test_setup(f, setup)
        T(test_pin_of_l4_validates_the_whole_hierarchy),
        T(test_unpin_of_l4_releases_every_reference),
        T(test_writable_map_of_pinned_table_is_rejected),
        T(test_writable_map_of_pinned_l2_is_rejected),
        T(test_pin_of_writably_mapped_frame_is_rejected),
        T(test_entry_rules_per_level),
        T(test_hv_slots_refuse_updates),
        T(test_linear_self_reference_is_refused),
        T(test_fast_path_changes_no_references),
        T(test_preserve_ad_keeps_accessed_and_dirty),
        T(test_unlinking_a_table_devalidates_it),
        T(test_type_change_flushes_only_when_something_is_stale),
        T(test_reallocated_frame_flushes_before_becoming_a_table),
        T(test_plain_write_goes_to_untyped_frames_only),
        T(test_walk_finds_the_l1_slot),
        T(test_released_frame_is_freed_at_count_zero),
        T(test_pin_rules),
    };

    return cmocka_run_group_tests(tests, NULL, NULL);
}
