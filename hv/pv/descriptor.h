/* SPDX-License-Identifier: MIT */
/*
 * Which GDT/LDT descriptors a PV guest may install. Portable: no guest
 * access, no logging; unit-tested on the host.
 */
#ifndef HV_PV_DESCRIPTOR_H
#define HV_PV_DESCRIPTOR_H

#include <stdbool.h>
#include <stdint.h>

/*
 * Check one 8-byte descriptor and rewrite it into the form hv installs:
 * code/data segments get DPL 3 and the accessed bit (the CPU must never
 * need to write a guest descriptor page, which guests see read-only).
 * Not-present descriptors and type-0 system entries (the upper half of a
 * 16-byte descriptor) pass unchanged. Every other system descriptor
 * (TSS, LDT, gates) is refused: false, *why says which rule.
 */
bool descriptor_check(uint64_t *desc, const char **why);

#endif
