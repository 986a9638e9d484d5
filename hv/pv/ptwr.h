/* SPDX-License-Identifier: MIT */
/*
 * Writable page tables (VMASST_TYPE_writable_pagetables, reference §5.6):
 * a guest kernel's write to an L1 table it maps read-only is replayed as a
 * checked update of that entry, as Xen 4.17 does for PV guests with the
 * assist and, with or without it, for dom0.
 */
#ifndef HV_PV_PTWR_H
#define HV_PV_PTWR_H

#include <hv/types.h>
#include "arch/x86/regs.h"

struct vcpu;

/*
 * A #PF with error code regs->error_code at cr2: true if it was such a
 * write and the update was made (regs then continue after the
 * instruction). False leaves the fault to the guest: no assist, not a
 * write to a present read-only mapping of one of its L1 tables, an
 * instruction hv does not replay, or an entry the checks refuse (logged).
 */
bool pv_ptwr_fault(struct vcpu *v, struct hv_regs *regs, uint64_t cr2);

#endif
