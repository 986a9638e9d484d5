/* SPDX-License-Identifier: MIT */
/*
 * Pins the time record in vcpu_info (reference §3, §9): its version is
 * even when no update is in progress; tsc_to_system_mul is non-zero and
 * tsc_shift small; system time computed from it by the ABI's formula is
 * positive, below a minute this early in a test, never goes backwards
 * over 20000 reads, and advances: a spin of 10 ms by the record's own
 * clock takes at least that many TSC ticks of the record's frequency.
 */
#include "gk/boot.h"
#include "gk/test.h"
#include "gk/time.h"

GK_TEST_INFO("time-record", "vcpu_time_info and monotonic system time");

int main(void)
{
    struct vcpu_time_info t;
    uint64_t prev, now, start;

    gk_time_snapshot(&gk_shared_info->vcpu_info[0].time, &t);
    gk_printf("version %u tsc %#lx system_time %lu mul %u shift %d\n",
              t.version, t.tsc_timestamp, t.system_time,
              t.tsc_to_system_mul, t.tsc_shift);
    check_eq(t.version & 1, 0, "version is even");
    check(t.tsc_to_system_mul != 0, "tsc_to_system_mul is 0");
    check(t.tsc_shift > -32 && t.tsc_shift < 32, "tsc_shift %d",
          t.tsc_shift);

    now = gk_system_time();
    check(now > 0 && now < 60000000000ULL, "system time %lu ns", now);

    prev = gk_system_time();
    for (int i = 0; i < 20000; i++) {
        now = gk_system_time();
        check(now >= prev, "time went back: %lu after %lu", now, prev);
        if (now < prev)
            break;
        prev = now;
    }

    start = gk_system_time();
    while (gk_system_time() - start < 10000000ULL)
        ;
    check(gk_system_time() - start >= 10000000ULL, "10 ms spin ended early");
    return 0;
}
