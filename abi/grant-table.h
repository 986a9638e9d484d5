/* SPDX-License-Identifier: MIT */
/*
 * grant_table_op (20): one domain lets another map or copy one of its
 * pages by filling an entry of its grant table (version 1 entries only).
 * docs/abi.md (### 20 grant_table_op) says what hv implements.
 */
#ifndef HV_ABI_GRANT_TABLE_H
#define HV_ABI_GRANT_TABLE_H

#include <stdint.h>

typedef uint32_t grant_ref_t;      /* index into the granter's table */
typedef uint32_t grant_handle_t;   /* a mapping, as the grantee names it */

/*
 * A version 1 entry, written by the granter: domid and frame first, a
 * write barrier, then flags. The hypervisor only ever sets and clears
 * GTF_reading and GTF_writing.
 */
struct grant_entry_v1 {
    uint16_t flags;            /* GTF_*: type and permissions */
    uint16_t domid;            /* the grantee */
    uint32_t frame;            /* the granted frame (MFN for PV) */
};

/* The first entries are kept for the toolstack's use. */
#define GNTTAB_NR_RESERVED_ENTRIES 8
#define GNTTAB_RESERVED_CONSOLE    0   /* console ring page */
#define GNTTAB_RESERVED_XENSTORE   1   /* xenstore ring page */

/* Entry type: bits 0-1 of flags. */
#define GTF_invalid          (0U << 0)   /* grants nothing */
#define GTF_permit_access    (1U << 0)   /* domid may map/copy frame */
#define GTF_accept_transfer  (2U << 0)   /* (transfer: not in hv) */
#define GTF_transitive       (3U << 0)   /* (version 2 only) */
#define GTF_type_mask        (3U << 0)

/* Permission and state bits of a permit_access entry. */
#define _GTF_readonly        (2)
#define GTF_readonly         (1U << _GTF_readonly)   /* granter: no writes */
#define _GTF_reading         (3)
#define GTF_reading          (1U << _GTF_reading)    /* hv: mapped/in use */
#define _GTF_writing         (4)
#define GTF_writing          (1U << _GTF_writing)    /* hv: mapped writable */
#define _GTF_PWT             (5)
#define GTF_PWT              (1U << _GTF_PWT)
#define _GTF_PCD             (6)
#define GTF_PCD              (1U << _GTF_PCD)
#define _GTF_PAT             (7)
#define GTF_PAT              (1U << _GTF_PAT)
#define _GTF_sub_page        (8)
#define GTF_sub_page         (1U << _GTF_sub_page)   /* (version 2 only) */

/* State bits of an accept_transfer entry (transfer: not in hv). */
#define _GTF_transfer_committed (2)
#define GTF_transfer_committed  (1U << _GTF_transfer_committed)
#define _GTF_transfer_completed (3)
#define GTF_transfer_completed  (1U << _GTF_transfer_completed)

/* grant_table_op commands; each takes an array of the struct beside it. */
#define GNTTABOP_map_grant_ref        0   /* struct gnttab_map_grant_ref */
#define GNTTABOP_unmap_grant_ref      1   /* struct gnttab_unmap_grant_ref */
#define GNTTABOP_setup_table          2   /* struct gnttab_setup_table */
#define GNTTABOP_dump_table           3   /* struct gnttab_dump_table */
#define GNTTABOP_transfer             4
#define GNTTABOP_copy                 5   /* struct gnttab_copy */
#define GNTTABOP_query_size           6   /* struct gnttab_query_size */
#define GNTTABOP_unmap_and_replace    7
#define GNTTABOP_set_version          8   /* struct gnttab_set_version */
#define GNTTABOP_get_status_frames    9
#define GNTTABOP_get_version         10   /* struct gnttab_get_version */
#define GNTTABOP_swap_grant_ref      11
#define GNTTABOP_cache_flush         12

/* Mapping flags (gnttab_map_grant_ref.flags). */
#define _GNTMAP_device_map       (0)
#define GNTMAP_device_map        (1 << _GNTMAP_device_map)   /* bus address */
#define _GNTMAP_host_map         (1)
#define GNTMAP_host_map          (1 << _GNTMAP_host_map)     /* a PTE */
#define _GNTMAP_readonly         (2)
#define GNTMAP_readonly          (1 << _GNTMAP_readonly)
#define _GNTMAP_application_map  (3)
#define GNTMAP_application_map   (1 << _GNTMAP_application_map) /* user */
#define _GNTMAP_contains_pte     (4)
#define GNTMAP_contains_pte      (1 << _GNTMAP_contains_pte) /* host_addr
                                                    is the PTE's address */
/* Bits 16-31 of a grant PTE are left to the guest. */
#define _GNTMAP_guest_avail0     (16)
#define GNTMAP_guest_avail_mask  ((uint32_t)~0 << _GNTMAP_guest_avail0)

/* Copy flags: the side named by a grant reference (else by a frame). */
#define _GNTCOPY_source_gref     (0)
#define GNTCOPY_source_gref      (1 << _GNTCOPY_source_gref)
#define _GNTCOPY_dest_gref       (1)
#define GNTCOPY_dest_gref        (1 << _GNTCOPY_dest_gref)

/* Per-element results (the status fields). */
#define GNTST_okay               (0)
#define GNTST_general_error      (-1)   /* refused; see hv's log */
#define GNTST_bad_domain         (-2)   /* no such domain */
#define GNTST_bad_gntref         (-3)   /* ref out of range, or bad flags */
#define GNTST_bad_handle         (-4)   /* no such mapping */
#define GNTST_bad_virt_addr      (-5)
#define GNTST_bad_dev_addr       (-6)   /* dev_bus_addr does not match */
#define GNTST_no_device_space    (-7)
#define GNTST_permission_denied  (-8)
#define GNTST_bad_page           (-9)
#define GNTST_bad_copy_arg       (-10)  /* copy crosses a page */
#define GNTST_address_too_big    (-11)
#define GNTST_eagain             (-12)
#define GNTST_no_space           (-13)  /* no free mapping handle */

/* GNTTABOP_map_grant_ref: map entry ref of domain dom. */
struct gnttab_map_grant_ref {
    uint64_t host_addr;        /* IN: VA (or PTE address, contains_pte) */
    uint32_t flags;            /* IN: GNTMAP_* */
    grant_ref_t ref;           /* IN */
    uint16_t dom;              /* IN: the granter */
    int16_t status;            /* OUT: GNTST_* */
    grant_handle_t handle;     /* OUT: for unmap */
    uint64_t dev_bus_addr;     /* OUT: with GNTMAP_device_map */
};

/* GNTTABOP_unmap_grant_ref: undo (part of) the mapping handle. */
struct gnttab_unmap_grant_ref {
    uint64_t host_addr;        /* IN: 0 = keep the host mapping */
    uint64_t dev_bus_addr;     /* IN: 0 = keep the device mapping */
    grant_handle_t handle;     /* IN */
    int16_t status;            /* OUT: GNTST_* */
};

/* GNTTABOP_setup_table: grow dom's table to nr_frames, list its frames. */
struct gnttab_setup_table {
    uint16_t dom;              /* IN: DOMID_SELF, or another if privileged */
    uint32_t nr_frames;        /* IN */
    int16_t status;            /* OUT: GNTST_* */
    uint64_t frame_list;       /* IN: guest pointer to uint64_t[nr_frames];
                                  OUT: the frames' MFNs */
};

/* GNTTABOP_dump_table: print dom's table on the hypervisor console. */
struct gnttab_dump_table {
    uint16_t dom;              /* IN */
    int16_t status;            /* OUT: GNTST_* */
};

/* GNTTABOP_copy: copy len bytes between two pages, either side granted. */
struct gnttab_copy {
    struct gnttab_copy_ptr {
        union {
            grant_ref_t ref;   /* with the side's GNTCOPY_*_gref flag */
            uint64_t gmfn;     /* without it: a frame of DOMID_SELF */
        } u;
        uint16_t domid;        /* IN */
        uint16_t offset;       /* IN: byte offset in the page */
    } source, dest;
    uint16_t len;              /* IN: offset + len stay within the page */
    uint16_t flags;            /* IN: GNTCOPY_* */
    int16_t status;            /* OUT: GNTST_* */
};

/* GNTTABOP_query_size: frames dom's table has and may grow to. */
struct gnttab_query_size {
    uint16_t dom;              /* IN */
    uint32_t nr_frames;        /* OUT */
    uint32_t max_nr_frames;    /* OUT */
    int16_t status;            /* OUT: GNTST_* */
};

/* GNTTABOP_set_version: pick the entry format (hv: 1 only). */
struct gnttab_set_version {
    uint32_t version;          /* IN: wanted; OUT: now in use */
};

/* GNTTABOP_get_version: the entry format dom uses. */
struct gnttab_get_version {
    uint16_t dom;              /* IN */
    uint16_t pad;
    uint32_t version;          /* OUT */
};

#endif
