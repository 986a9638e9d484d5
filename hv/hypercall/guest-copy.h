/* SPDX-License-Identifier: MIT */
/*
 * The only way hv touches guest virtual memory. A guest pointer is checked
 * to lie wholly in guest address space (canonical, outside hv's slots
 * 256-271) and every access catches faults, so a bad pointer costs the
 * guest -EFAULT and never costs hv anything.
 */
#ifndef HV_HYPERCALL_GUEST_COPY_H
#define HV_HYPERCALL_GUEST_COPY_H

#include <hv/types.h>

typedef uint64_t guest_ptr_t;

/* True if [va, va + len) is guest address space (no wrap, no hv hole). */
bool guest_range_ok(guest_ptr_t va, size_t len);

/* 0 on success, -EFAULT if any byte could not be copied. */
int copy_from_guest(void *dst, guest_ptr_t src, size_t len);
int copy_to_guest(guest_ptr_t dst, const void *src, size_t len);
int clear_guest(guest_ptr_t dst, size_t len);

/* Copy one element of a guest array: arr + idx * size. */
int copy_from_guest_idx(void *dst, guest_ptr_t arr, uint64_t idx,
                        size_t size);
int copy_to_guest_idx(guest_ptr_t arr, uint64_t idx, const void *src,
                      size_t size);

#endif
