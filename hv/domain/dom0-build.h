/* SPDX-License-Identifier: MIT */
/* Building dom0 from the first multiboot module, as the PV boot protocol says. */
#ifndef HV_DOMAIN_DOM0_BUILD_H
#define HV_DOMAIN_DOM0_BUILD_H

#include <hv/types.h>

struct dom0_image {
    const void *kernel;        /* ELF64 PV kernel */
    size_t kernel_size;
    const char *cmdline;       /* "path args...": args become cmd_line */
    const void *module;        /* second module (initrd), or NULL */
    size_t module_size;
    uint64_t mem_bytes;        /* dom0_mem */
};

/* Build dom0 ready to run its vCPU 0; NULL (with the reason logged) if not. */
struct domain *dom0_build(const struct dom0_image *img);

#endif
