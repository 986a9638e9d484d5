/* SPDX-License-Identifier: MIT */
/* Delivering exceptions and callbacks to a PV guest kernel (reference §6.2). */
#ifndef HV_PV_BOUNCE_H
#define HV_PV_BOUNCE_H

#include <hv/types.h>
#include "arch/x86/regs.h"

struct vcpu;

#define NO_ERROR_CODE (~0UL)

/*
 * Make the guest enter its handler for vector with the PV frame on its
 * kernel stack; error is NO_ERROR_CODE for vectors without one. A vector
 * without a handler, or a frame that cannot be written, crashes the
 * domain (the guest wrecked its own state).
 */
void pv_inject_trap(struct vcpu *v, struct hv_regs *regs, unsigned int vector,
                    uint64_t error);

/* True if the architecture pushes an error code for this vector. */
bool vector_has_error_code(unsigned int vector);

#endif
