/* SPDX-License-Identifier: MIT */
/* The little of ACPI hv reads: where the PM1 control registers are. */
#ifndef HV_ARCH_X86_ACPI_H
#define HV_ARCH_X86_ACPI_H

#include <hv/types.h>

/* Find the FADT; returns the PM1a control port, or 0 if there is none. */
uint16_t acpi_pm1a_cnt_port(void);

#endif
