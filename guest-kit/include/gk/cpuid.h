/* SPDX-License-Identifier: MIT */
/* CPUID, native and through the PV forced-emulation prefix. */
#ifndef GK_CPUID_H
#define GK_CPUID_H

#include <stdint.h>

struct gk_cpuid {
    uint32_t a, b, c, d;
};

/* The raw CPU's answer: a PV guest's plain cpuid is not intercepted. */
static inline struct gk_cpuid gk_cpuid_native(uint32_t leaf, uint32_t sub)
{
    struct gk_cpuid r;

    __asm__ volatile("cpuid"
                     : "=a"(r.a), "=b"(r.b), "=c"(r.c), "=d"(r.d)
                     : "a"(leaf), "c"(sub));
    return r;
}

/*
 * The hypervisor's filtered view: `ud2; .ascii "xen"; cpuid` makes it
 * emulate the cpuid and skip all 7 bytes. Works before any trap table.
 */
static inline struct gk_cpuid gk_cpuid_pv(uint32_t leaf, uint32_t sub)
{
    struct gk_cpuid r;

    __asm__ volatile("ud2; .ascii \"xen\"; cpuid"
                     : "=a"(r.a), "=b"(r.b), "=c"(r.c), "=d"(r.d)
                     : "a"(leaf), "c"(sub));
    return r;
}

#endif
