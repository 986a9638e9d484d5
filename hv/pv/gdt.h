/* SPDX-License-Identifier: MIT */
/* A vCPU's GDT frames: checked, typed and shown in its CPU's GDT window. */
#ifndef HV_PV_GDT_H
#define HV_PV_GDT_H

#include <hv/types.h>

struct vcpu;

/*
 * Make mfns (one per 512 entries) v's GDT of `entries` entries, dropping
 * the old frames. Each frame must be v's domain's, take the descriptor
 * type (so it is mapped read-only everywhere) and hold only allowed
 * descriptors. 0 or -EINVAL (logged).
 */
int pv_install_gdt(struct vcpu *v, const mfn_t *mfns, unsigned int entries);

/*
 * Check (and normalise: DPL 3, accessed) all 512 descriptors of a frame
 * that holds the descriptor type; false (logged) on a refused one.
 */
bool frame_descriptors_ok(struct vcpu *v, mfn_t mfn);

#endif
