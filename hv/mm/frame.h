/* SPDX-License-Identifier: MIT */
/*
 * The frame table (one struct page_info per machine frame) and the frame
 * allocator. Every frame has an owner; guests only ever see frames they
 * own, and hv's own frames belong to DOMID_XEN.
 */
#ifndef HV_MM_FRAME_H
#define HV_MM_FRAME_H

#include <hv/types.h>

/* type_info: the type in the top bits, flags, then the type count. */
#define PGT_none        (0UL << 60)
#define PGT_l1          (1UL << 60)
#define PGT_l2          (2UL << 60)
#define PGT_l3          (3UL << 60)
#define PGT_l4          (4UL << 60)
#define PGT_seg_desc    (5UL << 60)
#define PGT_writable    (7UL << 60)
#define PGT_type_mask   (7UL << 60)
#define PGT_pinned      (1UL << 59)
#define PGT_validated   (1UL << 58)
#define PGT_count_mask  ((1UL << 32) - 1)

/* count_info: flags in the top bits, general reference count below. */
#define PGC_allocated   (1UL << 63)
/* hv's page shared with its owner (shared_info): the owner cannot give it
 * back; it goes when the domain does. */
#define PGC_hv_shared   (1UL << 62)
#define PGC_count_mask  ((1UL << 32) - 1)

struct page_info {
    uint64_t count_info;
    uint64_t type_info;
    uint32_t owner;            /* domid; DOMID_XEN for hv, DOMID_INVALID free */
    uint32_t _pad;
    uint64_t pfn;              /* guest PFN (mirrors the M2P) */
};

extern struct page_info *frame_table;
extern mfn_t max_mfn;          /* one past the highest RAM frame */

static inline struct page_info *mfn_to_page(mfn_t mfn)
{
    return &frame_table[mfn];
}

static inline bool mfn_valid(mfn_t mfn)
{
    return mfn < max_mfn;
}

/* True if mfn is RAM currently owned by domain domid. */
bool frame_owned_by(mfn_t mfn, domid_t domid);

/*
 * Allocate nr contiguous frames for owner (zeroed); INVALID_MFN if none.
 * Contiguity is only for hv's own structures; guests get single frames.
 */
mfn_t frame_alloc(domid_t owner, unsigned long nr);
void frame_free(mfn_t mfn, unsigned long nr);
unsigned long frame_nr_free(void);
/* RAM frames the allocator manages (free or handed out). */
unsigned long frame_nr_ram(void);

/* True once mm_init has handed free RAM to the allocator. */
bool frame_allocator_live(void);

/* hv's own memory: zeroed, contiguous pages in the direct map. */
void *hv_alloc_pages(unsigned long nr);
void hv_free_pages(void *va, unsigned long nr);

/* The read-only M2P every guest sees, written only by hv. */
void m2p_set(mfn_t mfn, uint64_t pfn);
uint64_t m2p_get(mfn_t mfn);
#define M2P_INVALID (~0UL)

struct multiboot_info;
/* Boot: build the frame table, allocator, M2P and hv's page tables. */
void mm_init(const struct multiboot_info *mbi, paddr_t reserved_top);

#endif
