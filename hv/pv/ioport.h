/* SPDX-License-Identifier: MIT */
/* Port I/O by PV guests: `in`/`out` emulated under the virtual IOPL. */
#ifndef HV_PV_IOPORT_H
#define HV_PV_IOPORT_H

#include <hv/types.h>
#include "arch/x86/regs.h"

struct vcpu;

/* Whether op (the opcode byte after any prefixes) is a non-string in/out. */
bool pv_is_io_opcode(uint8_t op);

/*
 * Emulate the in/out at code[0] (opcode, then its imm8 if any) with
 * 16-bit operands if opsize16. Returns the bytes used from code[0], or 0
 * if the vCPU's virtual IOPL does not allow port I/O (the guest then
 * gets its #GP).
 */
unsigned int pv_emulate_io(struct vcpu *v, struct hv_regs *regs,
                           const uint8_t *code, bool opsize16);

/* The serial port hv's own console uses, kept from dom0 (0: none). */
void pv_io_reserve_console(uint16_t base);

#endif
