/* SPDX-License-Identifier: MIT */
/*
 * Hypercall accounting per (hypercall number, sub-op): calls, failures
 * and the last error, for every domain together, printed when dom0 stops;
 * and the hc_trace= trace. Both are off unless hv's command line has
 * hc_stats or hc_trace=N: counting sits on every hypercall's path.
 */
#include "hypercall/hc-stats.h"
#include "arch/x86/regs.h"
#include "console/console.h"
#include "domain/domain.h"
#include "lib/cmdline.h"
#include "lib/spinlock.h"

#include <abi/hypercall.h>
#include <abi/memory.h>
#include <hv/config.h>

#define NO_SUBOP    0xFFFFFFFFU
/*
 * Counting sits on every hypercall's path, so it is a direct index:
 * hypercalls 0-63 (64 counts every other number) by sub-op 0-30 (31
 * counts the rest, or everything for hypercalls without sub-ops).
 */
#define NR_ROWS     65
#define NR_COLS     32
#define OTHER       (NR_COLS - 1)

struct hc_stat {
    uint64_t calls;
    uint64_t errors;
    long last_err;
};

static struct hc_stat stats[NR_ROWS][NR_COLS];
/* Off unless asked for (hc_stats, or hc_trace=N): it costs every call. */
static bool stats_on;
static struct spinlock stats_lock;     /* for the trace and printing */
static uint64_t trace_left;
/* The sub-op a handler named, per CPU, for the call being counted. */
static uint32_t named_subop[NR_CPUS];

void hc_stats_init(const char *cmdline)
{
    char val[24];
    uint64_t n = 0;

    stats_on = cmdline_get(cmdline, "hc_stats", NULL, 0);
    if (!cmdline_get(cmdline, "hc_trace", val, sizeof(val)))
        return;
    stats_on = true;
    for (const char *p = val; *p >= '0' && *p <= '9'; p++)
        n = n * 10 + (uint64_t)(*p - '0');
    trace_left = n ? n : 1000;
    printk("hc_trace: logging the first %lu hypercalls", trace_left);
}

/* The sub-op of hypercalls whose first argument is a command. */
static uint32_t subop_of(uint64_t nr, uint64_t a1)
{
    switch (nr) {
    case __HYPERVISOR_memory_op:
        return (uint32_t)(a1 & MEMOP_CMD_MASK);
    case __HYPERVISOR_sched_op_compat:
    case __HYPERVISOR_set_debugreg:
    case __HYPERVISOR_get_debugreg:
    case __HYPERVISOR_xen_version:
    case __HYPERVISOR_console_io:
    case __HYPERVISOR_grant_table_op:
    case __HYPERVISOR_vm_assist:
    case __HYPERVISOR_vcpu_op:
    case __HYPERVISOR_set_segment_base:
    case __HYPERVISOR_nmi_op:
    case __HYPERVISOR_sched_op:
    case __HYPERVISOR_callback_op:
    case __HYPERVISOR_event_channel_op:
    case __HYPERVISOR_physdev_op:
    case __HYPERVISOR_hvm_op:
        return (uint32_t)a1;
    default:
        return NO_SUBOP;
    }
}

uint32_t hc_stats_begin(void)
{
    unsigned int cpu;
    uint32_t saved;

    if (!stats_on)
        return NO_SUBOP;
    cpu = get_cpu_info()->cpu_id % NR_CPUS;
    saved = named_subop[cpu];

    named_subop[cpu] = NO_SUBOP;
    return saved;
}

void hc_stats_set_subop(uint32_t subop)
{
    if (stats_on)
        named_subop[get_cpu_info()->cpu_id % NR_CPUS] = subop;
}

void hc_stats_end(const struct vcpu *v, uint32_t token, uint64_t nr,
                  const uint64_t args[5], long rc)
{
    unsigned int cpu;
    uint32_t subop;
    struct hc_stat *s;

    if (!stats_on)
        return;
    cpu = get_cpu_info()->cpu_id % NR_CPUS;
    subop = named_subop[cpu];
    named_subop[cpu] = token;
    if (subop == NO_SUBOP)
        subop = subop_of(nr, args[0]);
    s = &stats[nr < NR_ROWS - 1 ? nr : NR_ROWS - 1]
              [subop < OTHER ? subop : OTHER];
    /* Relaxed atomics: exact on several CPUs, no lock on this path. */
    __atomic_fetch_add(&s->calls, 1, __ATOMIC_RELAXED);
    /* iret returns the guest's own rax, not a status. */
    if (rc < 0 && nr != __HYPERVISOR_iret) {
        __atomic_fetch_add(&s->errors, 1, __ATOMIC_RELAXED);
        s->last_err = rc;
    }
    if (!trace_left)
        return;
    spin_lock(&stats_lock);
    if (trace_left) {
        trace_left--;
        printk("hc_trace: d%uv%u %lu(%#lx, %#lx, %#lx, %#lx, %#lx) = %ld",
               v->domain->domain_id, v->vcpu_id, nr, args[0], args[1],
               args[2], args[3], args[4], rc);
    }
    spin_unlock(&stats_lock);
}

void hc_stats_trace_trap(const struct vcpu *v, unsigned int vector,
                         uint64_t error_code, uint64_t rip, uint64_t cr2)
{
    spin_lock(&stats_lock);
    if (trace_left) {
        trace_left--;
        printk("hc_trace: d%uv%u trap %u ec %#lx rip %#lx cr2 %#lx (%s)",
               v->domain->domain_id, v->vcpu_id, vector, error_code, rip,
               cr2, v->in_kernel ? "kernel" : "user");
    }
    spin_unlock(&stats_lock);
}

void hc_stats_print(void)
{
    if (!stats_on)
        return;
    printk("hypercalls made (number/sub-op: calls, failed, last error):");
    spin_lock(&stats_lock);
    for (unsigned int nr = 0; nr < NR_ROWS; nr++)
        for (unsigned int sub = 0; sub < NR_COLS; sub++) {
            const struct hc_stat *s = &stats[nr][sub];
            bool no_subops = subop_of(nr, 0) == NO_SUBOP;

            if (!s->calls)
                continue;
            if (no_subops || nr == NR_ROWS - 1)
                printk("  hc %2u%s     : %8lu calls, %6lu failed (last %ld)",
                       nr, nr == NR_ROWS - 1 ? "+" : " ", s->calls,
                       s->errors, s->last_err);
            else
                printk("  hc %2u/%-2u%s  : %8lu calls, %6lu failed (last %ld)",
                       nr, sub, sub == OTHER ? "+" : " ", s->calls,
                       s->errors, s->last_err);
        }
    spin_unlock(&stats_lock);
}
