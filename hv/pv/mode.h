/* SPDX-License-Identifier: MIT */
/* Guest kernel mode and user mode: which table and GS base are live. */
#ifndef HV_PV_MODE_H
#define HV_PV_MODE_H

#include <hv/types.h>

struct vcpu;

/* Enter user mode: user table and user GS base. False if no user table. */
bool pv_switch_to_user(struct vcpu *v);
/* Enter kernel mode: kernel table and kernel GS base. */
void pv_switch_to_kernel(struct vcpu *v);

#endif
