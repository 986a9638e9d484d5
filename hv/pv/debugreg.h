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

#endif
