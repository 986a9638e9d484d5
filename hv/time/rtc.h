/* SPDX-License-Identifier: MIT */
/* The CMOS real-time clock, read once at boot for the wall clock. */
#ifndef HV_TIME_RTC_H
#define HV_TIME_RTC_H

#include <stdint.h>

struct rtc_time {
    unsigned int year, mon, day, hour, min, sec;
};

/* Seconds since 1970-01-01 00:00 UTC of a calendar time (portable). */
uint64_t rtc_to_unix(const struct rtc_time *t);
/* Read the RTC now (waits out an update in progress). */
uint64_t rtc_read_unix(void);

#endif
