/* SPDX-License-Identifier: MIT */
/* set_trap_table (hypercall 0): the guest's virtual IDT. */
#ifndef HV_ABI_TRAP_H
#define HV_ABI_TRAP_H

#include <stdint.h>

/*
 * One vector's handler. An array ends at the first entry whose address
 * is 0; an address of 0 also clears a vector's handler.
 */
struct trap_info {
    uint8_t vector;            /* IN: 0..255 */
    uint8_t flags;             /* IN: bits 0-1 DPL for `int n`; bit 2 mask events */
    uint16_t cs;               /* IN: code selector (RPL forced to 3) */
    uint64_t address;          /* IN: handler */
};

#define TI_GET_DPL(ti) ((ti)->flags & 3)
#define TI_GET_IF(ti)  ((ti)->flags & 4)

#endif
