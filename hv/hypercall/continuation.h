/* SPDX-License-Identifier: MIT */
/*
 * Long hypercalls stop after a budget of work and ask to be re-run: the
 * guest's rip goes back over its `syscall` and the argument registers say
 * where to resume, exactly as the ABI allows (reference §4.1).
 */
#ifndef HV_HYPERCALL_CONTINUATION_H
#define HV_HYPERCALL_CONTINUATION_H

#include <hv/types.h>

struct vcpu;

/* Elements a batched hypercall handles before offering to stop. */
#define HYPERCALL_BUDGET 512

/* True if the caller may stop here (not inside a multicall). */
bool hypercall_may_preempt(const struct vcpu *v);

/*
 * Arrange for hypercall nr to run again with these arguments; returns the
 * value the handler must return (it becomes rax = nr).
 */
long hypercall_continue(unsigned int nr, uint64_t a1, uint64_t a2,
                        uint64_t a3, uint64_t a4, uint64_t a5);

#endif
