/* SPDX-License-Identifier: MIT */
/*
 * Grant tables in hv: each domain's table and its lifetime, the lock that
 * serialises every grant operation, and the environment the portable
 * state machine (grant-table.c) runs in.
 */
#ifndef HV_GRANT_GRANT_H
#define HV_GRANT_GRANT_H

#include "grant/grant-table.h"

struct domain;
struct vcpu;

/* A table with one frame (as Xen starts domains); -ENOMEM. */
int grant_domain_init(struct domain *d);

/*
 * Domain death: drop every mapping d holds and every handle others hold
 * of d's grants, then free the table. d's grant frames are d's memory and
 * go with it (domain_release_frames).
 */
void grant_domain_destroy(struct domain *d);

/* Serialise grant operations (the page-type lock nests inside). */
void grant_lock(void);
void grant_unlock(void);

/* The environment for grant operations made by vCPU v. */
struct gnttab_env grant_env(struct vcpu *v);

/*
 * Grow d's table to nr_frames frames: 0, or -ENOMEM (what was added
 * stays). Call with the grant lock held.
 */
int grant_grow(struct domain *d, unsigned int nr_frames);

/* Add a maptrack page to gt if a map needs one; call locked. */
void grant_maptrack_grow(struct grant_table *gt);

#endif
