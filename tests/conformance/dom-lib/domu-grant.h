/* SPDX-License-Identifier: MIT */
/* The domU's side of the dom-grant-* and hostile-dom-grant-* tests. */
#ifndef DOM_LIB_DOMU_GRANT_H
#define DOM_LIB_DOMU_GRANT_H

/* Carry out dom0's command lines until "end" (domu-grant.c). */
void domu_grant(void);

#endif
