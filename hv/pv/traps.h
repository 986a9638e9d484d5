/* SPDX-License-Identifier: MIT */
/* Guest exceptions: bounce them, or emulate what Xen emulates for PV. */
#ifndef HV_PV_TRAPS_H
#define HV_PV_TRAPS_H

#include "arch/x86/regs.h"

struct vcpu;
void pv_handle_exception(struct vcpu *v, struct hv_regs *regs);
/* `int $0x80` through hv's DPL-3 gate. */
void pv_handle_int80(struct vcpu *v, struct hv_regs *regs);

#endif
