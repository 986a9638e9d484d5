/* SPDX-License-Identifier: MIT */
/* set_debugreg (8) and get_debugreg (9): a PV vCPU's debug registers. */
#ifndef HV_PV_DEBUGREG_H
#define HV_PV_DEBUGREG_H

#include <hv/types.h>

struct vcpu;

long hc_set_debugreg(struct vcpu *v, uint64_t reg, uint64_t val, uint64_t a3,
                     uint64_t a4, uint64_t a5);
long hc_get_debugreg(struct vcpu *v, uint64_t reg, uint64_t a2, uint64_t a3,
                     uint64_t a4, uint64_t a5);

/*
 * A #DB is about to reach the guest: move the status the CPU left in DR6
 * into the vCPU's virtual DR6 (what get_debugreg(6) reads, as on Xen)
 * and reset the real one.
 */
void pv_debugreg_latch_dr6(struct vcpu *v);

#endif
