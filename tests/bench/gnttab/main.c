/* SPDX-License-Identifier: MIT */
/*
 * Grant copy: GNTTABOP_copy from a frame we grant (to ourselves, through
 * a v1 grant entry) into a frame of ours, 64 bytes and a whole 4 KiB page
 * per copy, one copy per call and 16 per call (per page). This is the
 * data path of netback and of blkback without persistent grants; a copy
 * of 4 KiB pages every N instructions is N / 4096 instructions per byte.
 */
#include "abi/errno.h"
#include "abi/grant-table.h"
#include "abi/memory.h"
#include "gk/hypercall.h"
#include "gk/mm.h"
#include "gk/test.h"
#include "tests/bench/lib/bench.h"

#define GT_SLOT  0      /* scratch slot mapping the grant-table frame */
#define REF      8      /* the first entry not reserved */
#define BATCH    16

static long grant_op(unsigned int cmd, void *ops, unsigned int count)
{
    return HYPERVISOR_grant_table_op(cmd, ops, count);
}

/* Grant frame src, read-only, to ourselves at entry REF. */
static long grant_self(uint64_t src)
{
    static uint64_t frames[1];
    struct gnttab_setup_table s = {
        .dom = DOMID_SELF, .nr_frames = 1, .frame_list = (uint64_t)frames,
    };
    volatile struct grant_entry_v1 *gt;
    long rc = grant_op(GNTTABOP_setup_table, &s, 1);

    if (rc)
        return rc;
    if (s.status)
        return s.status;
    gt = gk_mm_map_or_die(GT_SLOT, frames[0], GK_PT_DATA);
    gt[REF].domid = 0;          /* dom0: ourselves */
    gt[REF].frame = (uint32_t)src;
    __atomic_thread_fence(__ATOMIC_RELEASE);
    gt[REF].flags = GTF_permit_access | GTF_readonly;
    return 0;
}

static void bench_copy(uint64_t dst, unsigned int len, unsigned int batch,
                       const char *metric)
{
    static struct gnttab_copy ops[BATCH];
    uint64_t n = bench_iters(batch > 1 ? 1000 : 10000), t0, t1;
    long rc = 0;
    int status = 0;

    t0 = bench_tsc();
    for (uint64_t i = 0; i < n; i++) {
        for (unsigned int b = 0; b < batch; b++)
            ops[b] = (struct gnttab_copy){
                .source = { .u.ref = REF, .domid = DOMID_SELF },
                .dest = { .u.gmfn = dst, .domid = DOMID_SELF },
                .len = (uint16_t)len, .flags = GNTCOPY_source_gref,
            };
        rc |= grant_op(GNTTABOP_copy, ops, batch);
        for (unsigned int b = 0; b < batch; b++)
            status |= ops[b].status;
    }
    t1 = bench_tsc();
    if (rc || status)
        test_error("%s: grant_table_op %ld, status %d", metric, rc, status);
    bench_report(metric, t1 - t0, n * batch, n);
}

int main(void)
{
    uint64_t src = gk_mm_alloc(), dst = gk_mm_alloc();
    long rc;

    bench_init("gnttab");
    rc = grant_self(src);
    if (rc == -XEN_ENOSYS) {
        bench_skip("grant_copy_64", "grant_table_op returned -ENOSYS");
        bench_skip("grant_copy_4k", "grant_table_op returned -ENOSYS");
        bench_skip("grant_copy_4k_b16", "grant_table_op returned -ENOSYS");
        bench_end();
    }
    if (rc)
        test_error("granting a frame to ourselves: %ld", rc);
    bench_copy(dst, 64, 1, "grant_copy_64");
    bench_copy(dst, PAGE_SIZE, 1, "grant_copy_4k");
    bench_copy(dst, PAGE_SIZE, BATCH, "grant_copy_4k_b16");
    bench_end();
}
