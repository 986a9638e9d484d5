/* SPDX-License-Identifier: MIT */
/* Register dumps on hv's console, for crashed guests and hv faults. */
#ifndef HV_PV_DUMP_H
#define HV_PV_DUMP_H

#include "arch/x86/regs.h"

struct vcpu;
void dump_regs(const char *who, const struct hv_regs *r);
void dump_guest_regs(const struct vcpu *v, const struct hv_regs *r);

#endif
