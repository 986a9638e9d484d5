/* SPDX-License-Identifier: MIT */
/*
 * Page-table paths: mmu_update throughput in batches of 1, 16 and 512;
 * update_va_mapping without and with INVLPG; a local TLB flush; a kernel
 * #PF bounced to the guest and back, bare and with the handler mapping
 * the page (the demand-paging round trip).
 *
 * The updates go to one fresh L1 (a "window" at 5 GiB) and switch its
 * entries between two data frames, so every timed update replaces one
 * present mapping with another: old reference dropped, new one taken.
 */
#include "abi/errno.h"
#include "abi/memory.h"
#include "abi/mmu.h"
#include "gk/boot.h"
#include "gk/hypercall.h"
#include "gk/mm.h"
#include "gk/test.h"
#include "gk/traps.h"
#include "gk/x86.h"
#include "tests/bench/lib/bench.h"

#define WINDOW_L3   5                        /* VA 5 GiB */
#define WINDOW_VA   ((uint64_t)WINDOW_L3 << 30)
#define NR_ENTRIES  512
#define PER_ROUND   4096                     /* updates per round (issue 9) */

static uint64_t l1, frame[2];

/* Two batches of 512 requests: every window entry to frame 0 or frame 1. */
static struct mmu_update reqs[2][NR_ENTRIES];

static void fill_requests(void)
{
    for (unsigned int f = 0; f < 2; f++)
        for (unsigned int i = 0; i < NR_ENTRIES; i++) {
            reqs[f][i].ptr = ((l1 << PAGE_SHIFT) + i * 8ULL) |
                             MMU_NORMAL_PT_UPDATE;
            reqs[f][i].val = (frame[f] << PAGE_SHIFT) | GK_PT_DATA;
        }
}

/* Point every window entry at frame f (or clear them all if f < 0). */
static void set_window(int f)
{
    static struct mmu_update clear[NR_ENTRIES];
    long rc;

    if (f < 0) {
        for (unsigned int i = 0; i < NR_ENTRIES; i++) {
            clear[i].ptr = reqs[0][i].ptr;
            clear[i].val = 0;
        }
        rc = HYPERVISOR_mmu_update(clear, NR_ENTRIES, NULL, DOMID_SELF);
        if (!rc)
            rc = gk_mmuext1(MMUEXT_TLB_FLUSH_LOCAL, 0, 0);
    } else {
        rc = HYPERVISOR_mmu_update(reqs[f], NR_ENTRIES, NULL, DOMID_SELF);
    }
    if (rc)
        test_error("setting the window to %d: %ld", f, rc);
}

static void bench_mmu_update(unsigned int batch, const char *metric)
{
    uint64_t rounds = bench_iters(4), t0, t1;
    long rc = 0;

    set_window(1);
    t0 = bench_tsc();
    for (uint64_t r = 0; r < rounds; r++)
        for (unsigned int pass = 0; pass < PER_ROUND / NR_ENTRIES; pass++)
            for (unsigned int i = 0; i < NR_ENTRIES; i += batch)
                rc |= HYPERVISOR_mmu_update(&reqs[pass & 1][i], batch, NULL,
                                            DOMID_SELF);
    t1 = bench_tsc();
    if (rc)
        test_error("%s: mmu_update: %ld", metric, rc);
    bench_report(metric, t1 - t0, rounds * PER_ROUND,
                 rounds * PER_ROUND / batch);
}

static void bench_update_va_mapping(uint64_t flags, const char *metric)
{
    uint64_t n = bench_iters(20000), va = gk_mm_slot_va(0), t0, t1;
    uint64_t pte[2] = {
        (frame[0] << PAGE_SHIFT) | GK_PT_DATA,
        (frame[1] << PAGE_SHIFT) | GK_PT_DATA,
    };
    long rc = 0;

    t0 = bench_tsc();
    for (uint64_t i = 0; i < n; i++)
        rc |= HYPERVISOR_update_va_mapping(va, pte[i & 1], flags);
    t1 = bench_tsc();
    if (rc)
        test_error("%s: %ld", metric, rc);
    gk_mm_unmap(0);
    bench_report(metric, t1 - t0, n, n);
}

static void bench_tlb_flush(void)
{
    uint64_t n = bench_iters(10000), t0, t1;
    struct mmuext_op op = { .cmd = MMUEXT_TLB_FLUSH_LOCAL };
    long rc = 0;

    t0 = bench_tsc();
    for (uint64_t i = 0; i < n; i++)
        rc |= HYPERVISOR_mmuext_op(&op, 1, NULL, DOMID_SELF);
    t1 = bench_tsc();
    if (rc)
        test_error("tlb_flush_local: %ld", rc);
    bench_report("tlb_flush_local", t1 - t0, n, n);
}

/* Read va; a #PF there resumes after the load (guest-kit's extable). */
static inline void touch(uint64_t va)
{
    uint64_t v;

    __asm__ volatile("1: mov (%1), %0\n2:" GK_EXTABLE(1b, 2b)
                     : "=r"(v) : "r"(va) : "memory");
}

static void bench_pf_bounce(void)
{
    uint64_t n = bench_iters(20000), t0, t1;
    unsigned int before = gk_nr_traps;

    set_window(-1);
    t0 = bench_tsc();
    for (uint64_t i = 0; i < n; i++)
        touch(WINDOW_VA);
    t1 = bench_tsc();
    if (gk_nr_traps - before != n || gk_last_trap.vector != X86_EXC_PF)
        test_error("pf_bounce: %u faults for %lu touches",
                   gk_nr_traps - before, n);
    bench_report("pf_bounce", t1 - t0, n, n);
}

/* The demand-paging handler: map the faulting window page, retry. */
static bool map_on_fault(struct gk_trap_frame *f)
{
    uint64_t cr2 = gk_shared_info->vcpu_info[0].arch.cr2;

    (void)f;
    if (cr2 - WINDOW_VA >= NR_ENTRIES * PAGE_SIZE)
        return false;
    return HYPERVISOR_update_va_mapping(cr2 & ~(PAGE_SIZE - 1),
                                        (frame[0] << PAGE_SHIFT) | GK_PT_DATA,
                                        UVMF_NONE) == 0;
}

static void bench_pf_map_fixup(void)
{
    uint64_t passes = bench_iters(8), total = 0, t0, t1;
    unsigned int before = gk_nr_traps;
    volatile uint64_t sink = 0;

    gk_trap_set_hook(X86_EXC_PF, map_on_fault);
    for (uint64_t p = 0; p < passes; p++) {
        set_window(-1);                 /* untimed: unmap all, flush */
        t0 = bench_tsc();
        for (unsigned int i = 0; i < NR_ENTRIES; i++)
            sink += *(volatile uint64_t *)(WINDOW_VA + i * PAGE_SIZE);
        t1 = bench_tsc();
        total += t1 - t0;
    }
    gk_trap_set_hook(X86_EXC_PF, NULL);
    if (gk_nr_traps - before != passes * NR_ENTRIES)
        test_error("pf_map_fixup: %u faults for %lu touches",
                   gk_nr_traps - before, passes * NR_ENTRIES);
    bench_report("pf_map_fixup", total, passes * NR_ENTRIES,
                 passes * NR_ENTRIES);
    (void)sink;
}

int main(void)
{
    uint64_t l2;
    long rc;

    bench_init("mm");
    frame[0] = gk_mm_alloc();
    frame[1] = gk_mm_alloc();
    rc = gk_mm_build_window(WINDOW_L3, &l2, &l1);
    if (rc == -XEN_ENOSYS) {
        bench_skip("mmu_update_b1", "mmu_update returned -ENOSYS");
        bench_skip("mmu_update_b16", "mmu_update returned -ENOSYS");
        bench_skip("mmu_update_b512", "mmu_update returned -ENOSYS");
        bench_skip("pf_bounce", "mmu_update returned -ENOSYS");
        bench_skip("pf_map_fixup", "mmu_update returned -ENOSYS");
    } else if (rc) {
        test_error("building the window: %ld", rc);
    } else {
        fill_requests();
        bench_mmu_update(1, "mmu_update_b1");
        bench_mmu_update(16, "mmu_update_b16");
        bench_mmu_update(512, "mmu_update_b512");
    }
    bench_update_va_mapping(UVMF_NONE, "update_va_mapping");
    bench_update_va_mapping(UVMF_INVLPG, "update_va_mapping_invlpg");
    bench_tlb_flush();
    if (!rc) {
        bench_pf_bounce();
        bench_pf_map_fixup();
        set_window(-1);
    }
    bench_end();
}
