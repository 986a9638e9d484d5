/* SPDX-License-Identifier: MIT */
/* Parsing hv's command line ("console=com1 dom0_mem=64M loglvl=all"). */
#ifndef HV_LIB_CMDLINE_H
#define HV_LIB_CMDLINE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/*
 * Look up option key in a space-separated command line. A later
 * occurrence overrides an earlier one. On success copies its value ("" for
 * a bare key) into val (NUL-terminated, truncated to size) and returns
 * true.
 */
bool cmdline_get(const char *cmdline, const char *key, char *val,
                 size_t size);

/*
 * Parse a size such as 4096, 512K, 64M, 2G or 1T (binary units). Returns
 * 0, or -1 if s is not such a size or it overflows 64 bits.
 */
int parse_size(const char *s, uint64_t *out);

#endif
