/* SPDX-License-Identifier: MIT */
/*
 * Reading a PV kernel image: an ELF64 x86_64 executable carrying Xen's ELF
 * notes. Portable (no allocation, no logging): hv's dom0 builder and the
 * toolstack's domU builder both use it, on untrusted images.
 */
#ifndef HV_DOMAIN_PV_ELF_H
#define HV_DOMAIN_PV_ELF_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define PV_ELF_STR_LEN 32

/* What a builder needs from the image, all addresses guest virtual. */
struct pv_elf_info {
    uint64_t virt_base;        /* VA of PFN 0 (VIRT_BASE, default 0) */
    uint64_t paddr_offset;     /* subtracted from p_paddr (default 0) */
    uint64_t entry;            /* ENTRY, default e_entry */
    uint64_t hypercall_page;   /* HYPERCALL_PAGE, 0 if none */
    uint64_t init_p2m;         /* INIT_P2M, 0 if none */
    uint64_t kstart, kend;     /* loaded image, kend exclusive */
    /* XENFEAT_* bits: named in FEATURES (with or without '!') or set in
     * SUPPORTED_FEATURES; required holds the '!' ones only. */
    uint32_t features_supported[1];
    uint32_t features_required[1];
    bool mod_start_pfn;        /* MOD_START_PFN: initrd passed as a PFN */
    bool bsd_symtab;           /* BSD_SYMTAB "yes" */
    bool suspend_cancel;       /* SUSPEND_CANCEL */
    /* String notes, NUL-terminated, truncated to fit. */
    char guest_os[PV_ELF_STR_LEN];
    char guest_version[PV_ELF_STR_LEN];
    char xen_version[PV_ELF_STR_LEN];
    char loader[PV_ELF_STR_LEN];
};

/*
 * Parse and validate the image of size bytes at image. Returns 0 and fills
 * *info, or returns a negative ABI errno and points *why at a constant
 * string naming the problem:
 *   -XEN_ENOEXEC    not an ELF64 x86_64 executable, or not a Xen PV kernel
 *                   (no Xen notes, unacceptable LOADER/GUEST_OS/XEN_VERSION)
 *   -XEN_EINVAL     malformed: a header, segment or note outside the file,
 *                   a bad note size, over 1 MiB of notes to walk, an
 *                   address rule broken
 *   -XEN_EOPNOTSUPP the kernel requires a feature a PV guest cannot have
 * The legacy `__xen_guest` section is not read: such kernels are refused.
 */
int pv_elf_parse(const void *image, size_t size, struct pv_elf_info *info,
                 const char **why);

/*
 * Call seg(ctx, va, src, filesz, memsz) for each PT_LOAD segment of an
 * image pv_elf_parse() accepted, with va = p_paddr + virt_base -
 * paddr_offset and src its filesz bytes in the image; the builder zeroes
 * the remaining memsz - filesz. Stops at and returns the first nonzero
 * value seg returns; -XEN_EINVAL if the image no longer matches info.
 */
int pv_elf_for_each_load(const void *image, size_t size,
                         const struct pv_elf_info *info,
                         int (*seg)(void *ctx, uint64_t va, const void *src,
                                    uint64_t filesz, uint64_t memsz),
                         void *ctx);

#endif
