/* SPDX-License-Identifier: MIT */
/* Output and iteration counts shared by the benchmark kernels. */
#include "tests/bench/lib/bench.h"

#include <stdarg.h>
#include <string.h>

#include "abi/vcpu.h"
#include "gk/boot.h"
#include "gk/console.h"
#include "gk/hv.h"
#include "gk/hypercall.h"
#include "gk/shutdown.h"

/* Loop iterations of every metric in a smoke run: enough to run each path. */
#define SMOKE_ITERS 8

static const char *kernel_name = "?";

bool bench_is_smoke(void)
{
    const char *p = (const char *)gk_start_info->cmd_line;
    size_t n = strlen("smoke");

    for (; *p; p++)
        if ((p == (const char *)gk_start_info->cmd_line || p[-1] == ' ') &&
            !strncmp(p, "smoke", n) && (p[n] == ' ' || p[n] == '\0'))
            return true;
    return false;
}

uint64_t bench_iters(uint64_t full)
{
    return bench_is_smoke() && full > SMOKE_ITERS ? SMOKE_ITERS : full;
}

void bench_init(const char *kernel)
{
    long rc;

    kernel_name = kernel;
    rc = HYPERVISOR_vcpu_op(VCPUOP_stop_periodic_timer, 0, NULL);
    gk_printf("BENCH-START %s on %s%s (stop_periodic_timer: %ld)\n", kernel,
              gk_hv_name(), bench_is_smoke() ? ", smoke run" : "", rc);
}

void bench_report(const char *metric, uint64_t insns, uint64_t ops,
                  uint64_t iters)
{
    /* One decimal, rounded, without floating point (no SSE in kernels). */
    uint64_t tenths = ops ? (insns * 10 + ops / 2) / ops : 0;

    gk_printf("BENCH %s insns_per_op=%lu.%lu ops=%lu iters=%lu\n", metric,
              tenths / 10, tenths % 10, ops, iters);
}

void bench_report_value(const char *metric, const char *key, uint64_t value)
{
    gk_printf("BENCH %s %s=%lu\n", metric, key, value);
}

void bench_skip(const char *metric, const char *fmt, ...)
{
    va_list ap;

    gk_printf("BENCH-SKIP %s: ", metric);
    va_start(ap, fmt);
    gk_vprintf(fmt, ap);
    va_end(ap);
    gk_printf("\n");
}

void bench_end(void)
{
    gk_printf("BENCH-END %s\n", kernel_name);
    gk_shutdown(SHUTDOWN_poweroff);
}
