/* SPDX-License-Identifier: MIT */
/* TSC scaling as the PV time protocol defines it (reference §3). */
#include "tsc-scale.h"

struct tsc_scale tsc_scale_from_hz(uint64_t hz)
{
    struct tsc_scale s = { 0, 0 };
    uint64_t f = hz;

    /* Bring f into (1e9, 2e9] so mul = 1e9 * 2^32 / f fits 32 bits. */
    while (f > 2000000000ULL) {
        f >>= 1;
        s.shift--;
    }
    while (f <= 1000000000ULL) {
        f <<= 1;
        s.shift++;
    }
    s.mul = (uint32_t)((1000000000ULL << 32) / f);
    return s;
}

uint64_t tsc_scale_delta(uint64_t delta, struct tsc_scale s)
{
    if (s.shift < 0)
        delta >>= -s.shift;
    else
        delta <<= s.shift;
    return (uint64_t)(((unsigned __int128)delta * s.mul) >> 32);
}
