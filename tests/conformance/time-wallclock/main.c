/* SPDX-License-Identifier: MIT */
/*
 * Pins the wall clock in shared_info: wc_version is even outside updates;
 * wc_sec_hi:wc_sec plus wc_nsec is the wall time at system time 0, so
 * wall time = that + system time. It must be a date between 2020 and
 * 2100 (QEMU's RTC follows the host), wc_nsec below 10^9, and two reads
 * 20 ms apart must differ by 20 ms within a millisecond of rounding.
 */
#include "gk/boot.h"
#include "gk/test.h"
#include "gk/time.h"

GK_TEST_INFO("time-wallclock", "wall clock in shared_info");

#define Y2020 1577836800UL
#define Y2100 4102444800UL

int main(void)
{
    const volatile struct shared_info *s = gk_shared_info;
    uint64_t w0, w1, t0;

    gk_printf("wc_version %u wc_sec %u wc_nsec %u wc_sec_hi %u\n",
              s->wc_version, s->wc_sec, s->wc_nsec, s->wc_sec_hi);
    check_eq(s->wc_version & 1, 0, "wc_version is even");
    check(s->wc_nsec < 1000000000U, "wc_nsec %u", s->wc_nsec);

    w0 = gk_wallclock_ns();
    check(w0 / 1000000000ULL >= Y2020 && w0 / 1000000000ULL < Y2100,
          "wall clock %lu s is not between 2020 and 2100",
          (unsigned long)(w0 / 1000000000ULL));

    t0 = gk_system_time();
    while (gk_system_time() - t0 < 20000000ULL)
        ;
    w1 = gk_wallclock_ns();
    check(w1 - w0 >= 20000000ULL && w1 - w0 < 21000000ULL,
          "wall clock moved %lu ns over 20 ms of system time", w1 - w0);
    return 0;
}
