/* SPDX-License-Identifier: MIT */
/* Multiboot (v1) information, as QEMU's -kernel loader passes it. */
#ifndef HV_ARCH_X86_MULTIBOOT_H
#define HV_ARCH_X86_MULTIBOOT_H

#include <hv/types.h>

#define MBI_MEMORY   (1U << 0)
#define MBI_CMDLINE  (1U << 2)
#define MBI_MODULES  (1U << 3)
#define MBI_MMAP     (1U << 6)

struct multiboot_info {
    uint32_t flags;
    uint32_t mem_lower, mem_upper;
    uint32_t boot_device;
    uint32_t cmdline;          /* PA of the command line */
    uint32_t mods_count;
    uint32_t mods_addr;        /* PA of struct multiboot_module[] */
    uint32_t syms[4];
    uint32_t mmap_length;
    uint32_t mmap_addr;        /* PA of struct multiboot_mmap records */
};

struct multiboot_module {
    uint32_t mod_start, mod_end;   /* PA range, end exclusive */
    uint32_t cmdline;              /* PA of "path args..." */
    uint32_t pad;
};

struct multiboot_mmap {
    uint32_t size;             /* size of the rest of this record */
    uint64_t addr, len;
    uint32_t type;             /* 1 = RAM */
} __attribute__((packed));

#endif
