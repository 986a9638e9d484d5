/* SPDX-License-Identifier: MIT */
/* Giving back every frame a dying domain owns. */
#ifndef HV_MM_DOMAIN_FRAMES_H
#define HV_MM_DOMAIN_FRAMES_H

#include <hv/types.h>

/*
 * Drop the allocation reference of every frame owned by domid. Frames no
 * one else references are freed (*freed); the rest (*kept) stay owned by
 * the dead domain until their last reference goes.
 */
void domain_release_frames(domid_t domid, unsigned long *freed,
                           unsigned long *kept);

/* Unpin every pinned table of domid (teardown: pins hold tables up). */
void domain_unpin_all(domid_t domid);

/* Frames currently owned by domid (for accounting and tests). */
unsigned long domain_count_frames(domid_t domid);

#endif
