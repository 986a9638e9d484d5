/* SPDX-License-Identifier: MIT */
/* Tests of hv/time/rtc-date.c against known Unix times. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <time.h>
#include <cmocka.h>

#include "hv/time/rtc.h"

static void test_known_dates_convert_exactly(void **state)
{
    static const struct { struct rtc_time t; uint64_t unix_time; } cases[] = {
        { { 1970, 1, 1, 0, 0, 0 }, 0 },
        { { 2000, 2, 29, 12, 0, 0 }, 951825600 },
        { { 2020, 1, 1, 0, 0, 0 }, 1577836800 },
        { { 2026, 11, 23, 19, 30, 5 }, 1795462205 },
        { { 2038, 1, 19, 3, 14, 8 }, 2147483648 },
        { { 2099, 12, 31, 23, 59, 59 }, 4102444799 },
    };

    for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++)
        assert_true(rtc_to_unix(&cases[i].t) == cases[i].unix_time);
}

static void test_every_day_matches_the_c_library(void **state)
{
    for (time_t s = 946684800; s < 4102444800; s += 86400 + 3671) {
        struct tm tm;
        struct rtc_time t;

        gmtime_r(&s, &tm);
        t = (struct rtc_time){ (unsigned)tm.tm_year + 1900,
                               (unsigned)tm.tm_mon + 1, (unsigned)tm.tm_mday,
                               (unsigned)tm.tm_hour, (unsigned)tm.tm_min,
                               (unsigned)tm.tm_sec };
        assert_true(rtc_to_unix(&t) == (uint64_t)s);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_known_dates_convert_exactly),
        cmocka_unit_test(test_every_day_matches_the_c_library),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
