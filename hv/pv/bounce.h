/* SPDX-License-Identifier: MIT */
/* Delivering exceptions and callbacks to a PV guest kernel (reference §6.2). */
#ifndef HV_PV_BOUNCE_H
#define HV_PV_BOUNCE_H

#include <hv/types.h>
#include "arch/x86/regs.h"

struct vcpu;

#define NO_ERROR_CODE (~0UL)
#define X86_TRAP_GP 13

/*
 * Enter guest handler `handler` with the PV bounce frame. From user mode
 * the vCPU first switches to kernel mode and its kernel stack. error is
 * NO_ERROR_CODE when the frame has none; mask_events sets the upcall mask.
 * A frame that cannot be written crashes the domain. Returns false if the
 * domain was crashed.
 */
bool pv_bounce(struct vcpu *v, struct hv_regs *regs, uint64_t handler,
               uint64_t error, bool mask_events);

/*
 * Deliver exception `vector` through the guest's trap table; a vector with
 * no handler crashes the domain (the guest wrecked its own state).
 */
void pv_inject_trap(struct vcpu *v, struct hv_regs *regs, unsigned int vector,
                    uint64_t error);

/* A user-mode `syscall`: to the syscall callback, or #UD without one. */
void pv_bounce_syscall(struct vcpu *v, struct hv_regs *regs);

/* True if the architecture pushes an error code for this vector. */
bool vector_has_error_code(unsigned int vector);

#endif
