/* SPDX-License-Identifier: MIT */
/*
 * Grant tables from the guest's side (version 1): set up and map the
 * table, grant a frame to a domain and take the grant back, and thin
 * wrappers of the map, unmap and copy ops. Refs 0-7 are reserved
 * (GNTTAB_NR_RESERVED_ENTRIES) and never handed out.
 */
#ifndef GK_GRANT_H
#define GK_GRANT_H

#include <stdbool.h>
#include <stdint.h>

#include "abi/grant-table.h"

/*
 * Grow the table to nr_frames frames (setup_table) and map them
 * read-write in the VM area (gk/vm.h). 0, a negative GNTST_ status
 * shifted below -1000 (-1000 + status) or the hypercall's -errno.
 */
long gk_grant_init(unsigned int nr_frames);

/* The mapped table and its size (after gk_grant_init). */
volatile struct grant_entry_v1 *gk_grant_table(void);
unsigned int gk_grant_nr_entries(void);
/* MFN of table frame i. */
uint64_t gk_grant_frame_mfn(unsigned int i);

/*
 * Let domid map or copy frame mfn: fills a free entry (domid and frame,
 * a barrier, then flags). Returns the ref, or -ENOSPC if none is free.
 */
long gk_grant_access(uint16_t domid, uint64_t mfn, bool readonly);

/*
 * Take a grant back: clear its flags by compare-and-exchange unless the
 * grantee has it mapped or is copying (GTF_reading/GTF_writing): 0, or
 * -EBUSY and the entry stays. The ref is then free again.
 */
long gk_grant_end_access(uint32_t ref);

/* One op each; the hypercall's result (the status is in *op). */
long gk_grant_map(struct gnttab_map_grant_ref *op);
long gk_grant_unmap(struct gnttab_unmap_grant_ref *op);
long gk_grant_copy(struct gnttab_copy *op);

/* Fill a copy op: each side a ref (gref true) or a frame of DOMID_SELF. */
void gk_grant_copy_op(struct gnttab_copy *op, bool src_gref, uint64_t src,
                      uint16_t src_dom, uint16_t src_off, bool dst_gref,
                      uint64_t dst, uint16_t dst_dom, uint16_t dst_off,
                      uint16_t len);

#endif
