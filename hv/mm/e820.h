/* SPDX-License-Identifier: MIT */
/* The host memory map as the boot loader reported it. */
#ifndef HV_MM_E820_H
#define HV_MM_E820_H

#include <abi/memory.h>
#include <hv/types.h>

#define MAX_E820 64

extern struct e820_entry host_e820[MAX_E820];
extern uint32_t nr_host_e820;

#endif
