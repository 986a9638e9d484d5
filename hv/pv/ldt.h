/* SPDX-License-Identifier: MIT */
/* A vCPU's LDT (MMUEXT_SET_LDT): its frames typed and shown to the CPU. */
#ifndef HV_PV_LDT_H
#define HV_PV_LDT_H

#include <hv/types.h>

struct vcpu;

#define LDT_MAX_ENTS 8192

/*
 * Use the ents descriptors at guest VA va (page-aligned; 0 entries: none)
 * as v's LDT, loaded page by page on first use. 0, or -EINVAL (logged).
 */
int pv_set_ldt(struct vcpu *v, uint64_t va, unsigned int ents);

/*
 * A #PF at hv address addr: if it is in v's LDT window, try to load that
 * LDT page and return true. *guest_va is then 0 if the access can simply
 * be retried, else the guest address the guest's own #PF should name.
 */
bool pv_ldt_fault(struct vcpu *v, uint64_t addr, uint64_t *guest_va);

/* Drop the LDT's frames (domain teardown). */
void pv_release_ldt(struct vcpu *v);

#endif
