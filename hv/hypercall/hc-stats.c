/* SPDX-License-Identifier: MIT */
/*
 * Hypercall accounting per (hypercall number, sub-op): calls, failures
 * and the last error, for every domain together; and the hc_trace= trace.
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

#define NR_STATS    256
#define NO_SUBOP    0xFFFFFFFFU

struct hc_stat {
    uint16_t nr;
    uint32_t subop;
    uint64_t calls;
    uint64_t errors;
    long last_err;
};

static struct hc_stat stats[NR_STATS];
static unsigned int nr_stats;
static bool stats_full;
static struct spinlock stats_lock;
static uint64_t trace_left;
/* The sub-op a handler named, per CPU, for the call being counted. */
static uint32_t named_subop[NR_CPUS];

void hc_stats_init(const char *cmdline)
{
    char val[24];
    uint64_t n = 0;

    if (!cmdline_get(cmdline, "hc_trace", val, sizeof(val)))
        return;
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
    unsigned int cpu = get_cpu_info()->cpu_id % NR_CPUS;
    uint32_t saved = named_subop[cpu];

    named_subop[cpu] = NO_SUBOP;
    return saved;
}

void hc_stats_set_subop(uint32_t subop)
{
    named_subop[get_cpu_info()->cpu_id % NR_CPUS] = subop;
}

/* The entry of (nr, subop); the table stays sorted for printing. */
static struct hc_stat *stat_slot(uint16_t nr, uint32_t subop)
{
    unsigned int i;

    for (i = 0; i < nr_stats; i++) {
        if (stats[i].nr == nr && stats[i].subop == subop)
            return &stats[i];
        if (stats[i].nr > nr || (stats[i].nr == nr && stats[i].subop > subop))
            break;
    }
    if (nr_stats == NR_STATS) {
        stats_full = true;
        return NULL;
    }
    for (unsigned int j = nr_stats; j > i; j--)
        stats[j] = stats[j - 1];
    nr_stats++;
    stats[i] = (struct hc_stat){ .nr = nr, .subop = subop };
    return &stats[i];
}

void hc_stats_end(const struct vcpu *v, uint32_t token, uint64_t nr,
                  const uint64_t args[5], long rc)
{
    unsigned int cpu = get_cpu_info()->cpu_id % NR_CPUS;
    uint32_t subop = named_subop[cpu];
    struct hc_stat *s;

    named_subop[cpu] = token;
    if (subop == NO_SUBOP)
        subop = subop_of(nr, args[0]);
    spin_lock(&stats_lock);
    s = stat_slot((uint16_t)(nr < 0xFFFF ? nr : 0xFFFF), subop);
    if (s) {
        s->calls++;
        /* iret returns the guest's own rax, not a status. */
        if (rc < 0 && nr != __HYPERVISOR_iret) {
            s->errors++;
            s->last_err = rc;
        }
    }
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
    printk("hypercalls made (number/sub-op: calls, failed, last error):");
    spin_lock(&stats_lock);
    for (unsigned int i = 0; i < nr_stats; i++) {
        const struct hc_stat *s = &stats[i];

        if (s->subop == NO_SUBOP)
            printk("  hc %2u     : %8lu calls, %6lu failed (last %ld)",
                   s->nr, s->calls, s->errors, s->last_err);
        else
            printk("  hc %2u/%-5u: %8lu calls, %6lu failed (last %ld)",
                   s->nr, s->subop, s->calls, s->errors, s->last_err);
    }
    if (stats_full)
        printk("  (table full: later kinds not counted)");
    spin_unlock(&stats_lock);
}
