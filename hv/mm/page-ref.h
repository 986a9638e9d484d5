/* SPDX-License-Identifier: MIT */
/*
 * Typed references to frames: a frame holds one type at a time and only
 * changes type when its type count is zero. This is what keeps a frame
 * from being a descriptor (or page-table) page and writable at once.
 */
#ifndef HV_MM_PAGE_REF_H
#define HV_MM_PAGE_REF_H

#include "mm/frame.h"

/*
 * Take a general and a type reference of type `type` (PGT_writable or
 * PGT_seg_desc; tables validate) on a frame of its owner; if the frame
 * had no type, it takes this one. Fails (false) if the frame holds
 * another type or does not validate.
 */
bool page_get_type(mfn_t mfn, uint64_t type);
/* Drop both references page_get_type took. */
void page_put_type(mfn_t mfn);

static inline uint64_t page_type(mfn_t mfn)
{
    return mfn_to_page(mfn)->type_info & PGT_type_mask;
}

static inline uint64_t page_type_count(mfn_t mfn)
{
    return mfn_to_page(mfn)->type_info & PGT_count_mask;
}

#endif
