/* SPDX-License-Identifier: MIT */
/* Setting and reading a whole vCPU context (domctl set/getvcpucontext). */
#ifndef HV_DOMAIN_VCPU_CONTEXT_H
#define HV_DOMAIN_VCPU_CONTEXT_H

#include <abi/vcpu-context.h>

struct vcpu;

/*
 * Give vCPU v (of a domain other than the caller's) context c: registers,
 * trap table, callbacks, GDT, kernel stack, page tables (cr3 takes an L4
 * reference, validating it), segment bases, FPU. With VGCF_online the
 * vCPU becomes runnable. 0, or a negative errno with the reason logged
 * against caller.
 */
int vcpu_set_context(struct vcpu *caller, struct vcpu *v,
                     const struct vcpu_guest_context *c);

/* Fill c with v's context. */
void vcpu_get_context(const struct vcpu *v, struct vcpu_guest_context *c);

/* Drop the page-table references a vCPU holds (at domain destroy). */
void vcpu_release_tables(struct vcpu *v);

#endif
