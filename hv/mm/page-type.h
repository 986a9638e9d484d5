/* SPDX-License-Identifier: MIT */
/*
 * The page-type state machine: types and type counts, general reference
 * counts, validation of guest page tables (L1-L4) and checked entry
 * updates. Plain C with no locks, no guest access and no logging, so the
 * host unit tests and the fuzzer run exactly this file on a fake frame
 * table. docs/architecture.md ("Page types and validated page tables")
 * states the rules and the invariant in prose.
 *
 * Every call that can fail returns 0 or a negative ABI errno and, on
 * failure, points *why at a constant string naming the rule broken; the
 * caller logs it with the frame and level.
 */
#ifndef HV_MM_PAGE_TYPE_H
#define HV_MM_PAGE_TYPE_H

#include "mm/frame.h"

/* The type of a level-n table (n = 1..4). */
#define PGT_level(n)   ((uint64_t)(n) << 60)

/* Entry bits the rules talk about. */
#define PTE_PRESENT    (1UL << 0)
#define PTE_RW         (1UL << 1)
#define PTE_USER       (1UL << 2)
#define PTE_PWT        (1UL << 3)
#define PTE_PCD        (1UL << 4)
#define PTE_ACCESSED   (1UL << 5)
#define PTE_DIRTY      (1UL << 6)
#define PTE_PSE        (1UL << 7)      /* L2/L3: superpage */
#define PTE_PAT        (1UL << 7)      /* L1: PAT index bit 2 */
#define PTE_GLOBAL     (1UL << 8)
#define PTE_AVAIL      (7UL << 9)
#define PTE_AVAIL_HIGH (0x7FFUL << 52)
#define PTE_NX         (1UL << 63)
#define PTE_FRAME      0x000FFFFFFFFFF000UL
/* Set by hv on kernel mappings it had to make user-accessible. */
#define PTE_GUEST_KERNEL (1UL << 52)

/* hv's L4 slots (reference §1): refused for updates, filled by hv. */
#define PT_HV_FIRST_SLOT 256
#define PT_HV_LAST_SLOT  271

/* io_access answers. */
#define PT_IO_NONE 0
#define PT_IO_RO   1
#define PT_IO_RW   2

/* The machine the state machine runs on: hv's, or a test's fake one. */
struct pt_env {
    struct page_info *frames;  /* the frame table */
    uint64_t nr_frames;        /* frames[0..nr_frames): everything else is
                                  not RAM (device memory), as are frames
                                  below owned by DOMID_IO (holes, ROM) */
    void *ctx;
    /* The 512 entries of frame mfn (< nr_frames), readable and writable. */
    uint64_t *(*map)(void *ctx, uint64_t mfn);
    /* Flush every guest TLB entry, global ones included, on every CPU. */
    void (*flush_tlb)(void *ctx);
    /* Write hv's own entries into slots 256-271 of an L4 being validated. */
    void (*fill_hv_slots)(void *ctx, uint64_t *l4);
    /*
     * How a domain with I/O-memory rights may map frame mfn, which is not
     * RAM: PT_IO_NONE, PT_IO_RO (a writable request is made read-only,
     * as Xen forces BIOS ROM and ACPI tables) or PT_IO_RW. NULL: RW.
     */
    int (*io_access)(void *ctx, uint64_t mfn);
    /* Called when a frame's last general reference goes (may be NULL). */
    void (*free_frame)(void *ctx, uint64_t mfn);

    /*
     * Some frame lost its last type reference since the last flush, so a
     * TLB may still hold a writable mapping of it or a walk through it.
     * Any frame taking a new type first flushes if this is set.
     */
    bool flush_pending;
    /* Entries checked or released so far: callers preempt on it. */
    uint64_t work;
};

/* What a domain may do, as far as its page tables are concerned. */
struct pt_dom {
    uint16_t domid;
    bool cache_attrs;          /* PWT/PCD/PAT allowed in L1 entries */
    bool io_frames;            /* may map frames that are not RAM */
    /*
     * A privileged domain building another (mmu_update with foreigndom):
     * its L1 entries map frames of data_domid instead of its own. Tables
     * stay domid's; only the frames L1 entries name change owner.
     */
    bool foreign_data;
    uint16_t data_domid;
};

/* General references: the frame must be allocated to dom. */
int pt_get_page(struct pt_env *env, const struct pt_dom *dom, uint64_t mfn);
void pt_put_page(struct pt_env *env, uint64_t mfn);

/*
 * Type references. type is PGT_writable, PGT_seg_desc or PGT_level(n).
 * The first reference of a table type validates the frame (recursively
 * taking references for everything it maps); dropping the last one
 * releases them again. Errors: -EINVAL (other type in use, validation
 * failed, overflow) or what validation of an entry returned.
 */
int pt_get_type(struct pt_env *env, const struct pt_dom *dom, uint64_t mfn,
                uint64_t type, const char **why);
void pt_put_type(struct pt_env *env, uint64_t mfn);

/* Both at once, as every holder of a type reference does. */
int pt_get_page_and_type(struct pt_env *env, const struct pt_dom *dom,
                         uint64_t mfn, uint64_t type, const char **why);
void pt_put_page_and_type(struct pt_env *env, uint64_t mfn);

/*
 * Pin mfn as a level-n table (a type and a general reference that stay
 * until unpinned). -EINVAL if n is not 1-4, the frame is not dom's,
 * already pinned, or does not validate at that level.
 */
int pt_pin(struct pt_env *env, const struct pt_dom *dom, uint64_t mfn,
           unsigned int level, const char **why);
/* -EINVAL if the frame is not dom's or not pinned. */
int pt_unpin(struct pt_env *env, const struct pt_dom *dom, uint64_t mfn,
             const char **why);

/*
 * Check a value for an L1 entry of dom's and take the references it needs
 * (general; writable type too if RW). *out is the value to store, with
 * the bits hv adjusts. Errors: -EINVAL (bits), -EPERM (not RAM, no I/O
 * rights), -EBUSY (frame not dom's, or RW on a frame that cannot be
 * writable).
 */
int pt_l1e_get(struct pt_env *env, const struct pt_dom *dom, uint64_t val,
               uint64_t *out, const char **why);
/* Drop what a stored L1 entry held. */
void pt_l1e_put(struct pt_env *env, uint64_t old);

/*
 * mmu_update of entry idx of frame mfn (reference §5.1/5.4): a validated
 * table gets a checked update at its level, a writable or untyped frame a
 * plain write, anything else -EINVAL. With preserve_ad the A and D bits
 * already in the entry are kept. *level says what the frame was (0 for a
 * plain write) so the caller can name it.
 */
int pt_update(struct pt_env *env, const struct pt_dom *dom, uint64_t mfn,
              unsigned int idx, uint64_t val, bool preserve_ad,
              unsigned int *level, const char **why);

/*
 * The validated L1 that maps va under the validated L4 l4_mfn, as
 * update_va_mapping needs it: *l1_mfn and the index in it. -EINVAL if va
 * is outside the guest's half or no validated L1 covers it.
 */
int pt_walk_l1(struct pt_env *env, uint64_t l4_mfn, uint64_t va,
               uint64_t *l1_mfn, unsigned int *idx, const char **why);

/* The caller flushed every TLB: nothing stale is left. */
static inline void pt_flushed(struct pt_env *env)
{
    env->flush_pending = false;
}

/* Level (1-4) of a validated table frame, 0 if it is none. */
unsigned int pt_level(const struct pt_env *env, uint64_t mfn);

#endif
