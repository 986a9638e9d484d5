/* SPDX-License-Identifier: MIT */
/*
 * The 2-level event protocol on the shared page: pending and mask bitmaps
 * of 4096 ports, a 64-bit selector and the upcall flag per vCPU. Portable:
 * no locks, no logging; guest vCPUs change these words concurrently, so
 * every change is one atomic operation in the order the ABI defines.
 */
#ifndef HV_EVENT_EVTCHN_2L_H
#define HV_EVENT_EVTCHN_2L_H

#include <stdbool.h>

#include <abi/shared-info.h>

/* What evtchn_2l_raise() did; callers act on these after their unlock. */
#define EVTCHN_2L_NEWLY_PENDING  (1U << 0)   /* wake pollers of the port */
#define EVTCHN_2L_KICK           (1U << 1)   /* upcall newly pending */

/*
 * Mark port pending for the vCPU whose vcpu_info is vi. Nothing more
 * happens if it was already pending or is masked; otherwise the selector
 * bit of its word and then the upcall flag are set. Returns
 * EVTCHN_2L_* flags; 0 for a port outside the 2-level range.
 */
unsigned int evtchn_2l_raise(struct shared_info *s, struct vcpu_info *vi,
                             unsigned int port);

/*
 * Clear port's mask. If it was masked and is pending, deliver it now as a
 * raise would have. Returns true if the vCPU needs a kick.
 */
bool evtchn_2l_unmask(struct shared_info *s, struct vcpu_info *vi,
                      unsigned int port);

/* Forget a pending event (the port is being closed). */
void evtchn_2l_clear_pending(struct shared_info *s, unsigned int port);

bool evtchn_2l_is_pending(const struct shared_info *s, unsigned int port);
bool evtchn_2l_is_masked(const struct shared_info *s, unsigned int port);

#endif
