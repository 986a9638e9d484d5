/* SPDX-License-Identifier: MIT */
/*
 * Hypercall entry and exit: the null hypercall (xen_version(0), the call
 * Linux uses to force event delivery) and a 32-entry multicall of the
 * same, per entry.
 */
#include "abi/multicall.h"
#include "abi/version.h"
#include "gk/hypercall.h"
#include "gk/test.h"
#include "tests/bench/lib/bench.h"

#define MC_ENTRIES 32

static void bench_null_hypercall(void)
{
    uint64_t n = bench_iters(100000), t0, t1;
    long rc = 0;

    t0 = bench_tsc();
    for (uint64_t i = 0; i < n; i++)
        rc |= HYPERVISOR_xen_version(XENVER_version, NULL);
    t1 = bench_tsc();
    if (rc < 0)
        test_error("xen_version: %ld", rc);
    bench_report("null_hypercall", t1 - t0, n, n);
}

/*
 * The entries are refilled each round (3 stores each): a hypervisor may
 * overwrite the arguments of an entry it has run.
 */
static void bench_multicall(void)
{
    static struct multicall_entry mc[MC_ENTRIES];
    uint64_t n = bench_iters(5000), t0, t1;
    long rc = 0;

    t0 = bench_tsc();
    for (uint64_t i = 0; i < n; i++) {
        for (unsigned int e = 0; e < MC_ENTRIES; e++) {
            mc[e].op = __HYPERVISOR_xen_version;
            mc[e].args[0] = XENVER_version;
            mc[e].args[1] = 0;
        }
        rc |= HYPERVISOR_multicall(mc, MC_ENTRIES);
    }
    t1 = bench_tsc();
    if (rc < 0)
        test_error("multicall: %ld", rc);
    if ((long)mc[MC_ENTRIES - 1].result < 0)
        test_error("multicall entry: %ld", (long)mc[MC_ENTRIES - 1].result);
    bench_report("multicall_32_per_entry", t1 - t0, n * MC_ENTRIES, n);
}

int main(void)
{
    bench_init("hypercall");
    bench_null_hypercall();
    bench_multicall();
    bench_end();
}
