/* SPDX-License-Identifier: MIT */
/* The domU's side of the hostile-dom-* tests, and its reporting. */
#ifndef DOM_LIB_DOMU_HOSTILE_H
#define DOM_LIB_DOMU_HOSTILE_H

#include <stddef.h>

/* One line to dom0 (ring.h), and one "ok"/"FAIL" check line. */
void domu_report(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
void domu_check(int ok, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

/* Wait for dom0's next command line (ring.h, the in direction). */
void domu_receive(char *line, size_t size);

/* args: "DOM0_MFN DOM0_L4_MFN": frames of dom0's to go after. */
void domu_hostile(const char *args);

#endif
