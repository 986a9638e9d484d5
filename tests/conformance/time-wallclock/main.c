/* SPDX-License-Identifier: MIT */
/*
 * Pins the wall clock in shared_info: wc_version is even outside updates;
 * wc_sec_hi:wc_sec plus wc_nsec is the wall time at system time 0, so
 * wall time = that + system time. It must be a date between 2020 and
 * 2100 (QEMU's RTC follows the host), wc_nsec below 10^9, and the base
 * must not move while system time runs on (read again 20 ms later), so
 * wall time and system time advance together.
 */
#include "gk/boot.h"
#include "gk/test.h"
#include "gk/time.h"

GK_TEST_INFO("time-wallclock", "wall clock in shared_info");

#define Y2020 1577836800UL
#define Y2100 4102444800UL

/* The published base: wall time at system time 0, in ns. */
static uint64_t wall_base(void)
{
    const volatile struct shared_info *s = gk_shared_info;
    uint64_t base;
    uint32_t v;

    do {
        v = s->wc_version;
        __atomic_thread_fence(__ATOMIC_ACQUIRE);
        base = (((uint64_t)s->wc_sec_hi << 32) | s->wc_sec) * 1000000000ULL +
               s->wc_nsec;
        __atomic_thread_fence(__ATOMIC_ACQUIRE);
    } while ((v & 1) || v != s->wc_version);
    return base;
}

int main(void)
{
    const volatile struct shared_info *s = gk_shared_info;
    uint64_t w0, b0, b1, t0;

    gk_printf("wc_version %u wc_sec %u wc_nsec %u wc_sec_hi %u\n",
              s->wc_version, s->wc_sec, s->wc_nsec, s->wc_sec_hi);
    check_eq(s->wc_version & 1, 0, "wc_version is even");
    check(s->wc_nsec < 1000000000U, "wc_nsec %u", s->wc_nsec);

    w0 = gk_wallclock_ns();
    check(w0 / 1000000000ULL >= Y2020 && w0 / 1000000000ULL < Y2100,
          "wall clock %lu s is not between 2020 and 2100",
          (unsigned long)(w0 / 1000000000ULL));

    b0 = wall_base();
    t0 = gk_system_time();
    while (gk_system_time() - t0 < 20000000ULL)
        ;
    b1 = wall_base();
    check_eq(b1, b0, "wall time at system time 0, 20 ms later");
    return 0;
}
