/* SPDX-License-Identifier: MIT */
/*
 * The benchmark-kernel API: time a loop with the TSC and print one line
 * per metric that scripts/bench.py parses, e.g.
 *
 *   BENCH null_hypercall insns_per_op=278.4 ops=100000 iters=100000
 *   BENCH-SKIP mmu_update_b16: mmu_update returned -ENOSYS
 *   BENCH-END hypercall
 *
 * Under `-icount shift=0,sleep=off` the TSC counts retired instructions,
 * so insns_per_op is exact; elsewhere it is TSC ticks and means little.
 */
#ifndef BENCH_BENCH_H
#define BENCH_BENCH_H

#include <stdbool.h>
#include <stdint.h>

#include "gk/time.h"

/*
 * Start a benchmark kernel: stop the 10 ms periodic tick (its interrupts
 * would land inside the timed loops), print the kernel's name and the
 * hypervisor's. Call first in main().
 */
void bench_init(const char *kernel);

/* True if dom0's command line holds the word "smoke" (make bench-smoke). */
bool bench_is_smoke(void);

/* full, or a handful when smoke-testing. */
uint64_t bench_iters(uint64_t full);

/*
 * "BENCH metric insns_per_op=X.Y ops=N iters=I": insns instructions (TSC
 * ticks) over ops operations done in iters loop iterations.
 */
void bench_report(const char *metric, uint64_t insns, uint64_t ops,
                  uint64_t iters);

/* "BENCH metric key=value": a single count, e.g. a boot figure. */
void bench_report_value(const char *metric, const char *key, uint64_t value);

/* "BENCH-SKIP metric: why": the hypervisor cannot run this path yet. */
void bench_skip(const char *metric, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

/* "BENCH-END kernel", then power off. */
void bench_end(void) __attribute__((noreturn));

/* The TSC; the loops read it twice, so its own cost is negligible. */
static inline uint64_t bench_tsc(void)
{
    return gk_rdtsc();
}

#endif
