/* SPDX-License-Identifier: MIT */
/* Calendar arithmetic for the RTC; portable, unit-tested on the host. */
#include "rtc.h"

uint64_t rtc_to_unix(const struct rtc_time *t)
{
    /* Days from 1970 by the proleptic Gregorian calendar, March-based. */
    unsigned int y = t->year - (t->mon <= 2);
    unsigned int era = y / 400, yoe = y % 400;
    unsigned int mp = (t->mon + 9) % 12;
    unsigned int doy = (153 * mp + 2) / 5 + t->day - 1;
    unsigned int doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    uint64_t days = (uint64_t)era * 146097 + doe - 719468;

    return days * 86400 + t->hour * 3600 + t->min * 60 + t->sec;
}
