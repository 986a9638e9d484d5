/* SPDX-License-Identifier: MIT */
/* multicall (hypercall 13): a batch of hypercalls in one entry. */
#ifndef HV_ABI_MULTICALL_H
#define HV_ABI_MULTICALL_H

#include <stdint.h>

struct multicall_entry {
    uint64_t op;               /* IN: hypercall number */
    uint64_t result;           /* OUT: its return value */
    uint64_t args[6];          /* IN */
};

#endif
