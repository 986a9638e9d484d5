/* SPDX-License-Identifier: MIT */
/* platform_op (7): the hardware domain's platform requests. */
#ifndef HV_PV_PLATFORM_OP_H
#define HV_PV_PLATFORM_OP_H

#include <hv/types.h>

struct vcpu;

long hc_platform_op(struct vcpu *v, uint64_t arg, uint64_t a2, uint64_t a3,
                    uint64_t a4, uint64_t a5);

#endif
