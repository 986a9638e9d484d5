/* SPDX-License-Identifier: MIT */
/* Addresses a hostile or careless guest passes where pointers belong. */
#ifndef GK_BAD_H
#define GK_BAD_H

/* Canonical, guest half, never mapped by the boot region (L4 slot 32). */
#define GK_BAD_UNMAPPED      0x0000100000000000UL
/* Not canonical: bits 63..47 disagree. */
#define GK_BAD_NONCANONICAL  0x8000000000000000UL
/* The hypervisor's own area (Xen's direct map), never guest-accessible. */
#define GK_BAD_HYPERVISOR    0xFFFF830000000000UL
/* The last byte of the address space: objects there wrap around. */
#define GK_BAD_WRAP          0xFFFFFFFFFFFFFFF8UL

#endif
