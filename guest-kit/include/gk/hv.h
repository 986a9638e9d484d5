/* SPDX-License-Identifier: MIT */
/* Which hypervisor we run on, and error-code names for messages. */
#ifndef GK_HV_H
#define GK_HV_H

#include <stdbool.h>

/*
 * True on Xen, false on hv. hv says who it is in XENVER_extraversion,
 * which starts with "-hv"; everything else binary-visible matches Xen.
 * Tests use this only to SKIP where the two are known to differ.
 */
bool gk_on_xen(void);

/* Short name of the hypervisor: "Xen" or "hv". */
const char *gk_hv_name(void);

/* "-EINVAL" for -22, "0" for 0, "-E?(n)"-style text otherwise. */
const char *gk_errno_name(long rc);

#endif
