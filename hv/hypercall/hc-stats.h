/* SPDX-License-Identifier: MIT */
/*
 * Hypercall accounting: how often each (hypercall, sub-op) ran and how
 * often it failed, printed as a table when dom0 shuts down; and an
 * optional trace of the first N hypercalls (hv option hc_trace=N), the
 * porter's way to see what a kernel asked for before it stopped.
 */
#ifndef HV_HYPERCALL_HC_STATS_H
#define HV_HYPERCALL_HC_STATS_H

#include <hv/types.h>

struct vcpu;

/* Read hc_stats and hc_trace= from hv's command line. */
void hc_stats_init(const char *cmdline);

/* Around one hypercall: begin returns a token for end. */
uint32_t hc_stats_begin(void);
void hc_stats_end(const struct vcpu *v, uint32_t token, uint64_t nr,
                  const uint64_t args[5], long rc);

/*
 * A handler whose sub-op is inside its argument structure (platform_op,
 * physdev_op_compat, domctl, ...) names it here, so the table shows it.
 */
void hc_stats_set_subop(uint32_t subop);

/* With hc_trace=: log an exception the guest took (before hv handles it). */
void hc_stats_trace_trap(const struct vcpu *v, unsigned int vector,
                         uint64_t error_code, uint64_t rip, uint64_t cr2);

/* The table so far, on hv's console. */
void hc_stats_print(void);

#endif
