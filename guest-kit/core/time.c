/* SPDX-License-Identifier: MIT */
/* Reading the PV time protocol: version odd/even, then scale the TSC. */
#include "gk/time.h"
#include "gk/boot.h"

static void rmb(void)
{
    __atomic_thread_fence(__ATOMIC_ACQUIRE);
}

void gk_time_snapshot(const volatile struct vcpu_time_info *src,
                      struct vcpu_time_info *out)
{
    uint32_t v;

    do {
        v = src->version;
        rmb();
        out->tsc_timestamp = src->tsc_timestamp;
        out->system_time = src->system_time;
        out->tsc_to_system_mul = src->tsc_to_system_mul;
        out->tsc_shift = src->tsc_shift;
        out->flags = src->flags;
        rmb();
    } while ((v & 1) || v != src->version);
    out->version = v;
}

uint64_t gk_time_at(const struct vcpu_time_info *t, uint64_t tsc)
{
    uint64_t delta = tsc - t->tsc_timestamp;

    if (t->tsc_shift < 0)
        delta >>= -t->tsc_shift;
    else
        delta <<= t->tsc_shift;
    return t->system_time +
           (uint64_t)(((unsigned __int128)delta * t->tsc_to_system_mul) >> 32);
}

uint64_t gk_system_time(void)
{
    struct vcpu_time_info t;

    gk_time_snapshot(&gk_shared_info->vcpu_info[0].time, &t);
    return gk_time_at(&t, gk_rdtsc());
}

uint64_t gk_wallclock_ns(void)
{
    const volatile struct shared_info *s = gk_shared_info;
    uint64_t sec, nsec;
    uint32_t v;

    do {
        v = s->wc_version;
        rmb();
        sec = ((uint64_t)s->wc_sec_hi << 32) | s->wc_sec;
        nsec = s->wc_nsec;
        rmb();
    } while ((v & 1) || v != s->wc_version);
    return sec * 1000000000ULL + nsec + gk_system_time();
}
