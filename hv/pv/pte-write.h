/* SPDX-License-Identifier: MIT */
/*
 * The one instruction a guest kernel ran to write a page-table entry it
 * maps read-only, replayed on a copy of its registers (reference §5.6).
 * Portable: no guest access, no locks, no logging; the unit tests and the
 * fault path (hv/pv/ptwr.c) run this file unchanged.
 *
 * Understood: mov (88, 89, C6 /0, C7 /0), xchg (86, 87), cmpxchg (0F B0,
 * 0F B1), or/and with a register or an immediate (08, 09, 20, 21, 80, 81,
 * 83 /1 and /4) and bts/btr with an immediate (0F BA /5, /6), with LOCK,
 * operand-size, segment and REX prefixes and a memory destination. Like
 * Xen, only naturally aligned writes: the fault address is the operand.
 */
#ifndef HV_PV_PTE_WRITE_H
#define HV_PV_PTE_WRITE_H

#include <hv/types.h>
#include "arch/x86/regs.h"

/*
 * insn[0..n): the bytes at regs->rip. addr: the faulting address (the
 * written operand); old: the 8-byte entry that holds it. On success
 * returns 0, *entry is the entry's new value, *write says whether it is
 * to be stored (false: a cmpxchg that found another value) and regs is
 * what the instruction leaves (rip past it, the registers and flags it
 * sets). -1 if the instruction is none of the above or misaligned; regs
 * may then be partly changed.
 */
int pte_write_emulate(const uint8_t *insn, unsigned int n, uint64_t addr,
                      uint64_t old, struct hv_regs *regs, uint64_t *entry,
                      bool *write);

#endif
