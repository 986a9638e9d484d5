/* SPDX-License-Identifier: MIT */
/*
 * The PV domU builder: lays out a new domain's initial memory image
 * (reference §2.2), pins its bootstrap L4 and sets vCPU 0's context
 * (§2.3). Portable: every effect on the machine goes through a table of
 * operations, so a guest-kit dom0 kernel (hypercalls) and the host
 * toolstack (privcmd or the control agent) share this code.
 */
#ifndef HVL_BUILDER_PV_BUILD_H
#define HVL_BUILDER_PV_BUILD_H

#include <stddef.h>
#include <stdint.h>

#include "abi/vcpu-context.h"

/*
 * What the builder asks of its environment. Each returns 0 or a negative
 * ABI errno unless said otherwise. The builder holds at most one mapping
 * at a time and releases every mapping and allocation before it returns,
 * on success and on failure.
 */
struct pvb_ops {
    /*
     * Give the domain frames for PFNs 0..nr-1 (memory_op populate_physmap
     * for it); write the MFN of PFN i to mfns[i].
     */
    int (*populate)(void *ctx, uint64_t nr, uint64_t *mfns);
    /* Map one frame of the domain writable; NULL if that fails. */
    void *(*map)(void *ctx, uint64_t mfn);
    void (*unmap)(void *ctx, void *va);
    /* MMUEXT_PIN_L4_TABLE of the domain's frame mfn. */
    int (*pin_l4)(void *ctx, uint64_t mfn);
    /* XEN_DOMCTL_setvcpucontext of vCPU 0. */
    int (*set_vcpu_context)(void *ctx, const struct vcpu_guest_context *c);
    /* size zeroed bytes, or NULL. */
    void *(*alloc)(void *ctx, size_t size);
    void (*free)(void *ctx, void *p);
};

/* What the caller decided when it created the domain. */
struct pvb_config {
    const void *kernel;        /* the ELF image, untrusted */
    size_t kernel_size;
    const void *module;        /* initrd or NULL */
    size_t module_size;
    const char *cmdline;       /* NULL = empty; truncated to 1023 bytes */
    uint64_t nr_pages;         /* the domain's memory, all populated */
    uint64_t shared_info_mfn;  /* from getdomaininfo */
    uint32_t store_evtchn;     /* ports of the domain, bound later by the */
    uint32_t console_evtchn;   /* backends (alloc_unbound for it) */
    uint32_t si_flags;         /* SIF_*; 0 for an ordinary domU */
};

/* Where things ended up, for the caller's backends and for tests. */
struct pvb_result {
    uint64_t entry;            /* rip */
    uint64_t virt_base, v_end; /* the mapped boot region */
    uint64_t start_info;       /* VA */
    uint64_t p2m;              /* VA of the P2M list */
    uint64_t pt_base, nr_pt_frames;
    uint64_t l4_mfn;
    uint64_t store_mfn, console_mfn;
    uint64_t stack_top;        /* rsp */
    uint64_t mod_start;        /* VA, 0 if none */
};

/*
 * Build the domain cfg describes: populate its memory, load the kernel
 * and module, write the P2M, start_info, zeroed xenstore and console
 * pages, the bootstrap page tables and stack, fill the hypercall page if
 * the kernel has one, pin the L4 and set vCPU 0's context. The domain is
 * left paused: unpausing it is the caller's move. Returns 0 and fills
 * *out, or a negative ABI errno with *why naming the step:
 *   -XEN_ENOEXEC / -XEN_EINVAL / -XEN_EOPNOTSUPP  the image (pv-elf.h)
 *   -XEN_ENOMEM   nr_pages too small for the image, or alloc failed
 *   -XEN_EFAULT   map failed
 *   other         whatever populate, pin_l4 or set_vcpu_context returned
 * On failure the domain keeps whatever memory it was given: destroying it
 * gives that back.
 */
int pvb_build(const struct pvb_ops *ops, void *ctx,
              const struct pvb_config *cfg, struct pvb_result *out,
              const char **why);

#endif
