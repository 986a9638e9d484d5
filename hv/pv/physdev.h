/* SPDX-License-Identifier: MIT */
/* physdev_op (33): I/O privilege; the hardware domain's device plumbing. */
#ifndef HV_PV_PHYSDEV_H
#define HV_PV_PHYSDEV_H

#include <hv/types.h>

struct vcpu;

long hc_physdev_op(struct vcpu *v, uint64_t cmd, uint64_t arg, uint64_t a3,
                   uint64_t a4, uint64_t a5);

#endif
