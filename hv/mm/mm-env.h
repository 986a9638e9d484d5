/* SPDX-License-Identifier: MIT */
/*
 * hv's side of the page-type machine: the environment it runs in (the real
 * frame table, the direct map, TLB flushes, hv's L4 slots), the lock that
 * serialises every change of types and counts, and per-vCPU MMU state.
 */
#ifndef HV_MM_MM_ENV_H
#define HV_MM_MM_ENV_H

#include "mm/page-type.h"

struct domain;
struct vcpu;

/* The environment over hv's frame table; call with mm_lock held. */
struct pt_env *mm_env(void);

/* What domain d may put in its page tables. */
struct pt_dom mm_dom(const struct domain *d);

/*
 * One lock for all page types and counts (one CPU for now; a per-domain
 * lock is enough once frames cannot move between domains under it).
 */
void mm_lock(void);
void mm_unlock(void);

/* Flush every guest TLB entry, global ones included; clears the pending
 * flag of the state machine. */
void mm_flush_tlb(void);

/* MMU state of a vCPU that struct vcpu does not hold yet. */
struct mm_vcpu {
    uint64_t ldt_base;         /* MMUEXT_SET_LDT: page-aligned VA */
    uint32_t ldt_ents;         /* entries; 0 = no LDT */
};
struct mm_vcpu *mm_vcpu(const struct vcpu *v);

#endif
