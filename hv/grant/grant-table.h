/* SPDX-License-Identifier: MIT */
/*
 * Grant tables, version 1 (portable state machine): each domain's table of
 * entries in frames it shares with hv, the active state hv keeps for
 * entries in use (pinned frame, pin counts), and each domain's maptrack
 * (the handles of the mappings it holds). Plain C with no locks, no guest
 * access and no logging: the caller serialises, copies op structs in and
 * out, and logs *why. Unit tests and the fuzzer compile this file as is.
 *
 * The invariants (docs/architecture.md, "Grant tables"):
 * - an entry with pins has GTF_reading set, and GTF_writing while any pin
 *   is writable; the active entry names the grantee and frame the first
 *   pin saw, and holds one general reference on that frame;
 * - the granter's shared entry is read once per operation (one 64-bit
 *   load) and the flags are set by a compare-and-exchange of the whole
 *   entry, so a mapping only ever gets a (flags, domid, frame) triple the
 *   granter offered at one instant;
 * - every host mapping is a PTE holding its own references (taken by the
 *   environment exactly as for any L1 entry), every device mapping holds a
 *   general reference and, if writable, a writable type reference.
 *
 * Only version 1 exists: no transitive grants, no transfers, no sub-page
 * grants, no status frames.
 */
#ifndef HV_GRANT_GRANT_TABLE_H
#define HV_GRANT_GRANT_TABLE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include <abi/grant-table.h>

#define GNTTAB_ENTRIES_PER_FRAME  512      /* 4096 / sizeof(grant_entry_v1) */
#define GNTTAB_MAX_FRAMES         64       /* default and upper limit */
#define GNTTAB_ACTIVE_PER_PAGE    256
#define GNTTAB_MAPTRACK_PER_PAGE  256      /* 4096 / sizeof(maptrack) */
#define GNTTAB_MAX_MAPTRACK_PAGES 1024     /* default and upper limit */
/* A kind of pin (host/device, read/write) counts up to this, as on Xen. */
#define GNTTAB_MAX_PIN            128
#define GNTTAB_NO_HANDLE          0xFFFFFFFFU

/* Pin kinds, indexes of gnttab_active.pin[]. */
enum { PIN_HOST_RO, PIN_HOST_RW, PIN_DEV_RO, PIN_DEV_RW, NR_PIN_KINDS };

/* hv's state of one entry while it is in use. */
struct gnttab_active {
    uint32_t frame;            /* the frame pinned (v1 frames are 32-bit) */
    uint16_t domid;            /* the grantee holding the pins */
    uint8_t pin[NR_PIN_KINDS]; /* live mappings (and copies) per kind */
    uint16_t _pad;
};

/* One mapping a domain holds; its index is the handle. */
struct gnttab_maptrack {
    uint32_t ref;              /* in the granter's table */
    uint16_t domid;            /* the granter */
    uint16_t flags;            /* MT_* below, 0 if free */
    uint32_t granter_gen;      /* which table of that domid (reuse) */
    uint32_t next_free;        /* free list, GNTTAB_NO_HANDLE ends it */
};
#define MT_IN_USE   0x8000
#define MT_HOST     GNTMAP_host_map
#define MT_DEVICE   GNTMAP_device_map
#define MT_READONLY GNTMAP_readonly

struct grant_table {
    uint16_t domid;
    uint32_t gen;              /* differs between tables of one domid */
    unsigned int nr_frames, max_frames;
    struct grant_entry_v1 *shared[GNTTAB_MAX_FRAMES];
    uint64_t shared_mfn[GNTTAB_MAX_FRAMES];
    struct gnttab_active *active[GNTTAB_MAX_FRAMES * 2];

    unsigned int nr_maptrack_pages, max_maptrack_pages;
    struct gnttab_maptrack *maptrack[GNTTAB_MAX_MAPTRACK_PAGES];
    uint32_t maptrack_free;    /* head of the free list */
    uint32_t nr_maptrack_used;
    uint32_t nr_pinned;        /* entries with any pin */
};

/*
 * What the state machine needs from its home (hv, or a test's fake).
 * GNTST_* results; why gets a constant string on failure.
 */
struct gnttab_env {
    void *ctx;
    /* The table of live domain domid; NULL if none or dying. */
    struct grant_table *(*table_of)(void *ctx, uint16_t domid);
    /*
     * A general reference on RAM frame `frame` of domain owner, and a
     * writable type reference too if writable: GNTST_bad_page if it is
     * not RAM, GNTST_general_error if not owner's or if it cannot be
     * writable (a page table, a descriptor page).
     */
    int (*get_frame)(void *ctx, uint16_t owner, uint64_t frame,
                     bool writable, const char **why);
    void (*put_frame)(void *ctx, uint64_t frame, bool writable);
    /*
     * Host mappings for domain grantee: a PTE for frame (owner's) at addr
     * (a VA in its current table, or with GNTMAP_contains_pte the machine
     * address of the PTE), read-only if GNTMAP_readonly, holding its own
     * references. unmap_host removes it only if the PTE there maps frame
     * present and with that permission. GNTST_general_error otherwise.
     */
    int (*map_host)(void *ctx, uint16_t grantee, uint16_t owner,
                    uint64_t addr, uint32_t flags, uint64_t frame,
                    const char **why);
    int (*unmap_host)(void *ctx, uint16_t grantee, uint64_t addr,
                      uint32_t flags, uint64_t frame, const char **why);
    /* A readable and writable view of a frame referenced by the caller. */
    void *(*map_frame)(void *ctx, uint64_t frame);
};

/*
 * A new table for domid with no frames; gen must differ from any table
 * domid had before. max_frames and max_maptrack_pages are clamped to the
 * limits above.
 */
void gnttab_init(struct grant_table *gt, uint16_t domid, uint32_t gen,
                 unsigned int max_frames, unsigned int max_maptrack_pages);

/* Frames to add for the table to have nr_frames (0 if it has them). */
unsigned int gnttab_frames_missing(const struct grant_table *gt,
                                   unsigned int nr_frames);
/*
 * Add one frame: shared (4096 bytes, zeroed, shared with the domain; its
 * MFN mfn) and two zeroed pages of active state. The caller checked
 * gnttab_frames_missing() first.
 */
void gnttab_add_frame(struct grant_table *gt, void *shared, uint64_t mfn,
                      void *active0, void *active1);
/* Number of entries. */
static inline uint32_t gnttab_nr_entries(const struct grant_table *gt)
{
    return gt->nr_frames * GNTTAB_ENTRIES_PER_FRAME;
}

/*
 * Maptrack pages: true if a map needs one (no free handle) and the limit
 * allows one more; the caller then adds a zeroed page.
 */
bool gnttab_maptrack_wants_page(const struct grant_table *gt);
void gnttab_maptrack_add_page(struct grant_table *gt, void *page);

/* GNTTABOP_map_grant_ref for grantee lgt, granter rd (resolved). */
struct gnttab_map_req {
    uint64_t host_addr;
    uint32_t flags;            /* GNTMAP_* */
    uint32_t ref;
    uint16_t dom;              /* the granter, DOMID_SELF resolved */
};
struct gnttab_map_res {
    uint32_t handle;
    uint64_t dev_bus_addr;
};
int gnttab_map(struct gnttab_env *env, struct grant_table *lgt,
               const struct gnttab_map_req *req, struct gnttab_map_res *res,
               const char **why);

/* GNTTABOP_unmap_grant_ref by grantee lgt. */
int gnttab_unmap(struct gnttab_env *env, struct grant_table *lgt,
                 uint32_t handle, uint64_t host_addr, uint64_t dev_bus_addr,
                 const char **why);

/*
 * GNTTABOP_copy by domain lgt. Each side is a grant reference of domain
 * domid (with its GNTCOPY_*_gref flag) or a frame of the caller's own
 * (domid must then be DOMID_SELF, as on Xen).
 */
struct gnttab_copy_side {
    uint64_t ref_or_frame;
    uint16_t domid;            /* as the guest gave it */
    uint16_t offset;
};
int gnttab_copy(struct gnttab_env *env, struct grant_table *lgt,
                const struct gnttab_copy_side *src,
                const struct gnttab_copy_side *dst, uint16_t len,
                uint16_t flags, const char **why);

/*
 * Domain death. gnttab_release_mappings drops every mapping gt's domain
 * holds of others' grants (device references, pins; host PTEs are left to
 * the page tables, which own their references). gnttab_forget_granter
 * drops the handles other (a live domain) holds of dying's grants, so
 * they cannot reach a later table with the same domid; their host PTEs
 * stay, keeping their frames referenced until the holder unmaps them.
 */
void gnttab_release_mappings(struct gnttab_env *env, struct grant_table *gt);
void gnttab_forget_granter(struct gnttab_env *env, struct grant_table *other,
                           struct grant_table *dying);
/* Drop the pins left in gt itself (after every holder was forgotten). */
void gnttab_release_pins(struct gnttab_env *env, struct grant_table *gt);

/* Read-only views for checks and tests. */
struct gnttab_active *gnttab_active_of(const struct grant_table *gt,
                                       uint32_t ref);
struct gnttab_maptrack *gnttab_maptrack_of(const struct grant_table *gt,
                                           uint32_t handle);
unsigned int gnttab_pins(const struct gnttab_active *act);

#endif
