/* SPDX-License-Identifier: MIT */
/* Basic types of hv. */
#ifndef HV_TYPES_H
#define HV_TYPES_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

typedef uint64_t paddr_t;      /* machine (physical) address */
typedef uint64_t mfn_t;        /* machine frame number */
typedef uint16_t domid_t;

#define INVALID_MFN (~0UL)

#endif
