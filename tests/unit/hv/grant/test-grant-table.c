/* SPDX-License-Identifier: MIT */
/*
 * Tests of hv/grant/grant-table.c on a fake machine (fake-env.h): the
 * GNTST_ status of every refusal, GTF_reading/GTF_writing while mapped,
 * references back to baseline after map/unmap cycles, pins, the
 * maptrack limit and release at domain death.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include <abi/memory.h>

#include "tests/unit/hv/grant/fake-env.h"

/* d1 grants; d2 maps. Frames: d1 owns 1, 5, 9, ...; d2 owns 2, 6, ... */
#define G 1
#define M 2
#define F1 5                   /* d1's frame */
#define F1T 9                  /* d1's frame that is a page table */
#define F2 6                   /* d2's frame */

static const char *why;

static int setup(void **state)
{
    (void)state;
    fake_reset();
    fake_table(G, 1, 4);
    fake_table(M, 1, 4);
    fake.frames[F1T].table = true;
    fake_grant(G, 8, M, F1, GTF_permit_access);
    fake_grant(G, 9, M, F1, GTF_permit_access | GTF_readonly);
    fake_grant(G, 10, 3, F1, GTF_permit_access);        /* for d3 */
    fake_grant(G, 11, M, F1, GTF_accept_transfer);
    fake_grant(G, 12, M, 4000, GTF_permit_access);      /* not RAM */
    fake_grant(G, 13, M, F1T, GTF_permit_access);
    fake_grant(G, 14, M, F2, GTF_permit_access);        /* not G's frame */
    fake_grant(G, 15, M, F1, GTF_permit_access | GTF_sub_page);
    return 0;
}

static int teardown(void **state)
{
    (void)state;
    fake_reset();
    return 0;
}

static int map(uint32_t flags, uint32_t ref, uint16_t dom, uint64_t addr,
               uint32_t *handle)
{
    struct gnttab_map_req req = { .host_addr = addr, .flags = flags,
                                  .ref = ref, .dom = dom };
    struct gnttab_map_res res = { .handle = 0xdead };
    int st;

    /* As hv's map op: a maptrack page whenever one is wanted. */
    if (gnttab_maptrack_wants_page(fake.gt[M]))
        gnttab_maptrack_add_page(fake.gt[M], calloc(1, 4096));
    st = gnttab_map(&fake_env, fake.gt[M], &req, &res, &why);

    if (handle)
        *handle = res.handle;
    return st;
}

static int unmap(uint32_t h, uint64_t addr, uint64_t dev)
{
    return gnttab_unmap(&fake_env, fake.gt[M], h, addr, dev, &why);
}

static int copy(uint16_t flags, uint64_t s, uint16_t sd, uint16_t so,
                uint64_t d, uint16_t dd, uint16_t dof, uint16_t len)
{
    struct gnttab_copy_side src = { s, sd, so }, dst = { d, dd, dof };

    return gnttab_copy(&fake_env, fake.gt[M], &src, &dst, len, flags, &why);
}

static void test_map_statuses_match_xen(void **state)
{
    static const struct {
        uint32_t flags, ref;
        uint16_t dom;
        uint64_t addr;
        int status;
    } cases[] = {
        { 0, 8, G, 0, GNTST_bad_gntref },
        { GNTMAP_readonly, 8, G, 0, GNTST_bad_gntref },
        { GNTMAP_host_map, 512, G, 0, GNTST_bad_gntref },
        { GNTMAP_host_map, 0xffffffff, G, 0, GNTST_bad_gntref },
        { GNTMAP_host_map, 8, 3, 0, GNTST_bad_domain },  /* no table */
        { GNTMAP_host_map, 8, 200, 0, GNTST_bad_domain },
        { GNTMAP_host_map, 10, G, 0, GNTST_general_error },
        { GNTMAP_host_map, 11, G, 0, GNTST_general_error },
        { GNTMAP_host_map, 3, G, 0, GNTST_general_error },
        { GNTMAP_host_map, 9, G, 0, GNTST_general_error },
        { GNTMAP_device_map, 9, G, 0, GNTST_general_error },
        { GNTMAP_host_map, 12, G, 0, GNTST_bad_page },
        { GNTMAP_host_map, 13, G, 0, GNTST_general_error },
        { GNTMAP_device_map, 13, G, 0, GNTST_general_error },
        { GNTMAP_host_map, 14, G, 0, GNTST_general_error },
        { GNTMAP_host_map, 8, G, 99 << 12, GNTST_general_error },
        { GNTMAP_host_map | GNTMAP_contains_pte, 8, G, 0,
          GNTST_general_error },
        { GNTMAP_host_map | GNTMAP_readonly, 9, G, 0, GNTST_okay },
        { GNTMAP_host_map | GNTMAP_readonly, 13, G, 4096, GNTST_okay },
        { GNTMAP_device_map, 8, G, 0, GNTST_okay },
        { GNTMAP_host_map, 15, G, 8192, GNTST_okay },  /* sub_page: v2 */
    };

    (void)state;
    for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
        uint32_t h = 0xdead;
        int st = map(cases[i].flags, cases[i].ref, cases[i].dom,
                     cases[i].addr, &h);

        if (st != cases[i].status)
            fail_msg("case %zu: status %d, want %d (%s)", i, st,
                     cases[i].status, why);
        if (st)
            assert_int_equal(h, 0xdead);
        assert_int_equal(fake_check_refs(), -1);
    }
    assert_int_equal(fake_flags(G, 10), GTF_permit_access);
    assert_int_equal(fake_flags(G, 13), GTF_permit_access | GTF_reading);
}

static void test_flags_track_live_mappings(void **state)
{
    uint32_t h1, h2;

    (void)state;
    assert_int_equal(map(GNTMAP_host_map | GNTMAP_readonly, 8, G, 0, &h1),
                     GNTST_okay);
    assert_int_equal(fake_flags(G, 8), GTF_permit_access | GTF_reading);
    assert_int_equal(map(GNTMAP_device_map, 8, G, 0, &h2), GNTST_okay);
    assert_int_equal(fake_flags(G, 8),
                     GTF_permit_access | GTF_reading | GTF_writing);
    assert_int_equal(unmap(h2, 0, (uint64_t)F1 << 12), GNTST_okay);
    assert_int_equal(fake_flags(G, 8), GTF_permit_access | GTF_reading);
    assert_int_equal(unmap(h1, 0, 0), GNTST_okay);     /* nothing to do */
    assert_int_equal(fake_flags(G, 8), GTF_permit_access | GTF_reading);
    assert_int_equal(unmap(h1, 1, 0), GNTST_okay);     /* low bits: slot 0 */
    assert_int_equal(fake_flags(G, 8), GTF_permit_access);
    assert_int_equal(fake_check_refs(), -1);
    assert_int_equal(fake.frames[F1].refs, 0);
}

static void test_unmap_statuses(void **state)
{
    uint32_t h;

    (void)state;
    assert_int_equal(unmap(0, 0, 0), GNTST_bad_handle);
    assert_int_equal(unmap(0xffffffff, 0, 0), GNTST_bad_handle);
    assert_int_equal(map(GNTMAP_host_map | GNTMAP_device_map, 8, G, 4096,
                         &h), GNTST_okay);
    assert_int_equal(unmap(h, 2 << 12, 0), GNTST_general_error);
    assert_int_equal(unmap(h, 99 << 12, 0), GNTST_general_error);
    assert_int_equal(unmap(h, 0, (uint64_t)F2 << 12), GNTST_bad_dev_addr);
    assert_int_equal(fake_check_refs(), -1);
    assert_int_equal(unmap(h, 4096, 0), GNTST_okay);
    assert_int_equal(unmap(h, 4096, 0), GNTST_okay);   /* host part gone */
    assert_int_equal(unmap(h, 0, (uint64_t)F1 << 12), GNTST_okay);
    assert_int_equal(unmap(h, 0, (uint64_t)F1 << 12), GNTST_bad_handle);
    assert_int_equal(fake.frames[F1].refs, 0);
    assert_int_equal(fake_flags(G, 8), GTF_permit_access);
}

static void test_unmap_of_a_replaced_pte_is_refused(void **state)
{
    uint32_t h1, h2;

    (void)state;
    /* A second map at the same VA replaces the first one's PTE. */
    assert_int_equal(map(GNTMAP_host_map, 8, G, 0, &h1), GNTST_okay);
    assert_int_equal(map(GNTMAP_host_map | GNTMAP_readonly, 9, G, 0, &h2),
                     GNTST_okay);
    assert_int_equal(fake_check_refs(), -1);
    assert_int_equal(unmap(h1, 0x10, 0), GNTST_general_error);  /* RO PTE */
    assert_int_equal(unmap(h2, 0, 0), GNTST_okay);
    assert_int_equal(unmap(h2, 0x10, 0), GNTST_okay);
    assert_int_equal(fake.frames[F1].wrefs, 0);
    assert_int_equal(fake_check_refs(), -1);
}

static void test_copy_statuses_match_xen(void **state)
{
    static const struct {
        uint16_t flags;
        uint64_t s;
        uint16_t sd, so;
        uint64_t d;
        uint16_t dd, dof, len;
        int status;
    } cases[] = {
        { 0, F2, DOMID_SELF, 0, F2, DOMID_SELF, 8, 16, GNTST_okay },
        { 0, F2, DOMID_SELF, 4095, F2, DOMID_SELF, 0, 2,
          GNTST_bad_copy_arg },
        { 0, F2, DOMID_SELF, 0, F2, DOMID_SELF, 4095, 2,
          GNTST_bad_copy_arg },
        { 0, F2, DOMID_SELF, 0, F2, DOMID_SELF, 0, 0xffff,
          GNTST_bad_copy_arg },
        { 0, F2, DOMID_SELF, 4096, F2, DOMID_SELF, 0, 0, GNTST_okay },
        { 0, F2, DOMID_SELF, 5000, F2, DOMID_SELF, 0, 0,
          GNTST_bad_copy_arg },
        { 0, F2, M, 0, F2, DOMID_SELF, 0, 8, GNTST_permission_denied },
        { 0, F2, DOMID_SELF, 0, F2, M, 0, 8, GNTST_permission_denied },
        { 0, F2, 3, 0, F2, DOMID_SELF, 0, 8, GNTST_bad_domain },
        { 0, F1, DOMID_SELF, 0, F2, DOMID_SELF, 0, 8,
          GNTST_general_error },
        { 0, 4000, DOMID_SELF, 0, F2, DOMID_SELF, 0, 8, GNTST_bad_page },
        { GNTCOPY_source_gref, 8, G, 0, F2, DOMID_SELF, 0, 8, GNTST_okay },
        { GNTCOPY_source_gref, 9, G, 0, F2, DOMID_SELF, 0, 8, GNTST_okay },
        { GNTCOPY_dest_gref, F2, DOMID_SELF, 0, 8, G, 0, 8, GNTST_okay },
        { GNTCOPY_dest_gref, F2, DOMID_SELF, 0, 9, G, 0, 8,
          GNTST_general_error },
        { GNTCOPY_dest_gref, F2, DOMID_SELF, 0, 13, G, 0, 8,
          GNTST_general_error },
        { GNTCOPY_source_gref, 13, G, 0, F2, DOMID_SELF, 0, 8, GNTST_okay },
        { GNTCOPY_source_gref, 512, G, 0, F2, DOMID_SELF, 0, 8,
          GNTST_bad_gntref },
        { GNTCOPY_source_gref, 10, G, 0, F2, DOMID_SELF, 0, 8,
          GNTST_general_error },
        { GNTCOPY_source_gref, 12, G, 0, F2, DOMID_SELF, 0, 8,
          GNTST_bad_page },
        { GNTCOPY_source_gref, 8, 200, 0, F2, DOMID_SELF, 0, 8,
          GNTST_bad_domain },
        { GNTCOPY_source_gref | GNTCOPY_dest_gref, 8, G, 0, 8, G, 100, 50,
          GNTST_okay },
    };

    (void)state;
    for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
        int st = copy(cases[i].flags, cases[i].s, cases[i].sd, cases[i].so,
                      cases[i].d, cases[i].dd, cases[i].dof, cases[i].len);

        if (st != cases[i].status)
            fail_msg("case %zu: status %d, want %d (%s)", i, st,
                     cases[i].status, why);
        assert_int_equal(fake_check_refs(), -1);
        assert_int_equal(fake.frames[F1].refs + fake.frames[F2].refs, 0);
    }
    assert_int_equal(fake_flags(G, 8), GTF_permit_access);
    assert_int_equal(fake_flags(G, 9), GTF_permit_access | GTF_readonly);
}

static void test_copy_moves_the_bytes(void **state)
{
    (void)state;
    for (int i = 0; i < 4096; i++)
        fake.frames[F1].data[i] = (uint8_t)i;
    assert_int_equal(copy(GNTCOPY_source_gref, 8, G, 100, F2, DOMID_SELF,
                          200, 300), GNTST_okay);
    assert_memory_equal(fake.frames[F2].data + 200,
                        fake.frames[F1].data + 100, 300);
    assert_int_equal(copy(GNTCOPY_source_gref | GNTCOPY_dest_gref, 8, G, 0,
                          8, G, 1, 64), GNTST_okay);
    assert_int_equal(fake.frames[F1].data[64], 63);
}

static void test_refs_return_to_baseline_after_cycles(void **state)
{
    uint32_t h;

    (void)state;
    for (int i = 0; i < 1000; i++) {
        assert_int_equal(map(GNTMAP_host_map | GNTMAP_device_map, 8, G,
                             4096, &h), GNTST_okay);
        assert_int_equal(unmap(h, 4096, 0), GNTST_okay);
        assert_int_equal(unmap(h, 0, (uint64_t)F1 << 12), GNTST_okay);
        assert_int_equal(map(GNTMAP_host_map | GNTMAP_readonly, 8, G, 0,
                             &h), GNTST_okay);
        assert_int_equal(unmap(h, 0, 0x10), GNTST_bad_dev_addr);
        assert_int_equal(unmap(h, 4, 0), GNTST_okay);
        assert_int_equal(copy(GNTCOPY_dest_gref, F2, DOMID_SELF, 0, 8, G, 0,
                              8), GNTST_okay);
    }
    assert_int_equal(fake.frames[F1].refs, 0);
    assert_int_equal(fake.frames[F1].wrefs, 0);
    assert_int_equal(fake.gt[G]->nr_pinned, 0);
    assert_int_equal(fake.gt[M]->nr_maptrack_used, 0);
    assert_int_equal(fake_flags(G, 8), GTF_permit_access);
}

/* The granter's side of revocation: cmpxchg to 0 unless in use. */
static bool granter_end_access(uint32_t ref)
{
    uint16_t *flags = &fake.gt[G]->shared[0][ref].flags;
    uint16_t old = *flags;

    if (old & (GTF_reading | GTF_writing))
        return false;
    return __atomic_compare_exchange_n(flags, &old, 0, false,
                                       __ATOMIC_SEQ_CST, __ATOMIC_SEQ_CST);
}

static void test_revocation_while_mapped_is_refused(void **state)
{
    uint32_t h;

    (void)state;
    assert_int_equal(map(GNTMAP_host_map | GNTMAP_readonly, 8, G, 0, &h),
                     GNTST_okay);
    assert_false(granter_end_access(8));
    assert_int_equal(unmap(h, 0, 0x1), GNTST_bad_dev_addr);
    assert_int_equal(unmap(h, 0x1, 0), GNTST_okay);
    assert_true(granter_end_access(8));
    assert_int_equal(map(GNTMAP_host_map, 8, G, 0, &h), GNTST_general_error);
}

static void test_pinned_entry_keeps_its_frame(void **state)
{
    uint32_t h1, h2;
    struct gnttab_map_req req = { .flags = GNTMAP_device_map, .ref = 8,
                                  .dom = G };
    struct gnttab_map_res res;

    (void)state;
    assert_int_equal(map(GNTMAP_host_map, 8, G, 0, &h1), GNTST_okay);
    fake_grant(G, 8, M, 1, GTF_permit_access | GTF_reading | GTF_writing);
    assert_int_equal(gnttab_map(&fake_env, fake.gt[M], &req, &res, &why),
                     GNTST_okay);
    h2 = res.handle;
    assert_int_equal(res.dev_bus_addr, (uint64_t)F1 << 12);
    assert_int_equal(unmap(h2, 0, (uint64_t)F1 << 12), GNTST_okay);
    assert_int_equal(unmap(h1, 0, 0x0), GNTST_okay);
    assert_int_equal(unmap(h1, 0x8, 0), GNTST_okay);
    assert_int_equal(fake_check_refs(), -1);
    /* Unpinned: the entry's new frame counts now. */
    assert_int_equal(gnttab_map(&fake_env, fake.gt[M], &req, &res, &why),
                     GNTST_okay);
    assert_int_equal(res.dev_bus_addr, 1 << 12);
    assert_int_equal(fake_check_refs(), -1);
}

static void test_another_grantee_cannot_share_a_pin(void **state)
{
    uint32_t h;
    struct gnttab_map_req req = { .flags = GNTMAP_device_map, .ref = 8,
                                  .dom = G };
    struct gnttab_map_res res;

    (void)state;
    fake_table(3, 1, 1);
    gnttab_maptrack_add_page(fake.gt[3], calloc(1, 4096));
    assert_int_equal(map(GNTMAP_device_map, 8, G, 0, &h), GNTST_okay);
    fake_grant(G, 8, 3, F1, GTF_permit_access | GTF_reading | GTF_writing);
    assert_int_equal(gnttab_map(&fake_env, fake.gt[3], &req, &res, &why),
                     GNTST_general_error);
    assert_int_equal(fake_check_refs(), -1);
}

static void test_pins_stop_at_128_per_kind(void **state)
{
    uint32_t h;
    int n = 0;

    (void)state;
    while (map(GNTMAP_device_map | GNTMAP_readonly, 8, G, 0, &h) ==
           GNTST_okay)
        n++;
    assert_int_equal(n, GNTTAB_MAX_PIN);
    assert_int_equal(map(GNTMAP_device_map, 8, G, 0, &h), GNTST_okay);
    assert_int_equal(fake_check_refs(), -1);
}

static void test_maptrack_limit_is_no_space_then_reusable(void **state)
{
    uint32_t h, n = 0;

    (void)state;
    for (uint32_t r = 16; r < 40; r++)
        fake_grant(G, r, M, F1, GTF_permit_access);
    for (uint32_t r = 16; r < 40; r++)
        for (int k = 0; k < 2 * GNTTAB_MAX_PIN; k++) {
            int st;

            st = map(GNTMAP_device_map | (k & 1 ? GNTMAP_readonly : 0), r,
                     G, 0, &h);
            if (st == GNTST_no_space)
                goto full;
            assert_int_equal(st, GNTST_okay);
            n++;
        }
    fail_msg("maptrack never filled");
full:
    assert_int_equal(n, 4 * GNTTAB_MAPTRACK_PER_PAGE);
    assert_int_equal(fake_check_refs(), -1);
    for (uint32_t i = 0; i < n; i++)
        assert_int_equal(unmap(i, 0, (uint64_t)F1 << 12), GNTST_okay);
    assert_int_equal(fake.frames[F1].refs, 0);
    assert_int_equal(map(GNTMAP_device_map, 16, G, 0, &h), GNTST_okay);
}

static void test_teardown_releases_both_directions(void **state)
{
    uint32_t h;
    struct gnttab_map_req req = { .flags = GNTMAP_host_map, .ref = 20,
                                  .dom = M, .host_addr = 3 << 12 };
    struct gnttab_map_res res;
    struct grant_table *old;

    (void)state;
    /* d2 maps d1's grants; d1 maps one of d2's. */
    gnttab_add_frame(fake.gt[M], calloc(1, 4096), 2000, calloc(1, 4096),
                     calloc(1, 4096));
    fake_grant(M, 20, G, F2, GTF_permit_access);
    gnttab_maptrack_add_page(fake.gt[G], calloc(1, 4096));
    assert_int_equal(map(GNTMAP_host_map | GNTMAP_device_map, 8, G, 0, &h),
                     GNTST_okay);
    assert_int_equal(map(GNTMAP_host_map | GNTMAP_readonly, 9, G, 4096, &h),
                     GNTST_okay);
    assert_int_equal(gnttab_map(&fake_env, fake.gt[G], &req, &res, &why),
                     GNTST_okay);
    assert_int_equal(fake_check_refs(), -1);

    /* d1 dies: d2 keeps its PTEs (they hold their own references). */
    old = fake.gt[G];
    fake_destroy(G);
    assert_ptr_not_equal(old, NULL);
    assert_int_equal(fake.gt[M]->nr_maptrack_used, 0);
    assert_int_equal(fake.gt[M]->nr_pinned, 0);
    assert_int_equal(fake_flags(M, 20), GTF_permit_access);
    assert_int_equal(fake.frames[F2].refs, 0);
    assert_int_equal(fake.frames[F1].refs, 2);      /* d2's two PTEs */
    assert_int_equal(fake_check_refs(), -1);
    fake_destroy(M);
    assert_int_equal(fake.frames[F1].refs, 0);
    assert_int_equal(fake_check_refs(), -1);
}

static void test_table_grows_and_never_shrinks(void **state)
{
    struct grant_table *gt = fake.gt[G];

    (void)state;
    assert_int_equal(gnttab_nr_entries(gt), 512);
    assert_int_equal(gnttab_frames_missing(gt, 0), 0);
    assert_int_equal(gnttab_frames_missing(gt, 1), 0);
    assert_int_equal(gnttab_frames_missing(gt, 3), 2);
    gnttab_add_frame(gt, calloc(1, 4096), 7, calloc(1, 4096),
                     calloc(1, 4096));
    assert_int_equal(gnttab_nr_entries(gt), 1024);
    assert_null(gnttab_active_of(gt, 1024));
    assert_non_null(gnttab_active_of(gt, 1023));
    assert_int_equal(gt->max_frames, GNTTAB_MAX_FRAMES);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
#define T(f) cmocka_unit_test_setup_teardown(f, setup, teardown)
        T(test_map_statuses_match_xen),
        T(test_flags_track_live_mappings),
        T(test_unmap_statuses),
        T(test_unmap_of_a_replaced_pte_is_refused),
        T(test_copy_statuses_match_xen),
        T(test_copy_moves_the_bytes),
        T(test_refs_return_to_baseline_after_cycles),
        T(test_revocation_while_mapped_is_refused),
        T(test_pinned_entry_keeps_its_frame),
        T(test_another_grantee_cannot_share_a_pin),
        T(test_pins_stop_at_128_per_kind),
        T(test_maptrack_limit_is_no_space_then_reusable),
        T(test_teardown_releases_both_directions),
        T(test_table_grows_and_never_shrinks),
    };

    return cmocka_run_group_tests(tests, NULL, NULL);
}
