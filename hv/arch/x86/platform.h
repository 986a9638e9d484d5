/* SPDX-License-Identifier: MIT */
/* The PC platform around the CPU: legacy PIC, power off and reset. */
#ifndef HV_ARCH_X86_PLATFORM_H
#define HV_ARCH_X86_PLATFORM_H

#include <hv/compiler.h>

/* Quiet the legacy PICs: hv takes no device interrupts yet. */
void platform_init(void);

void __noreturn machine_power_off(void);
void __noreturn machine_reboot(void);
void __noreturn machine_halt(void);

#endif
