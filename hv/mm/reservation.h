/* SPDX-License-Identifier: MIT */
/* memory_op's reservation commands: a domain's memory grows and shrinks. */
#ifndef HV_MM_RESERVATION_H
#define HV_MM_RESERVATION_H

#include <hv/types.h>

struct vcpu;

/*
 * XENMEM_increase_reservation, _decrease_reservation, _populate_physmap
 * (op), resuming at extent `start` (the continuation's count). Returns the
 * number of extents done (the ABI's result: a refused extent ends the
 * batch) or -EPERM/-ESRCH for a domain the caller may not name.
 */
long memory_op_reservation(struct vcpu *v, unsigned int op, uint64_t start,
                           uint64_t arg);

/* Drop the allocation reference of a frame d owns (freed at count 0). */
void frame_give_back(mfn_t mfn);

#endif
