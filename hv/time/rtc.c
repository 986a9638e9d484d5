/* SPDX-License-Identifier: MIT */
/* Reading the MC146818 CMOS clock (BCD or binary, 12 or 24 hour). */
#include "time/rtc.h"
#include "arch/x86/cpu.h"

static uint8_t cmos(uint8_t reg)
{
    outb(0x70, reg);
    return inb(0x71);
}

static unsigned int bcd(uint8_t v, bool is_bcd)
{
    return is_bcd ? (v & 0xF) + (v >> 4) * 10 : v;
}

uint64_t rtc_read_unix(void)
{
    uint8_t status_b = cmos(0x0B);
    bool is_bcd = !(status_b & 0x04);
    struct rtc_time t;
    uint8_t hour;

    /* Bounded wait for "update in progress" to clear. */
    for (int i = 0; i < 1000000 && (cmos(0x0A) & 0x80); i++)
        ;
    t.sec = bcd(cmos(0x00), is_bcd);
    t.min = bcd(cmos(0x02), is_bcd);
    hour = cmos(0x04);
    t.day = bcd(cmos(0x07), is_bcd);
    t.mon = bcd(cmos(0x08), is_bcd);
    t.year = 2000 + bcd(cmos(0x09), is_bcd);
    t.hour = bcd(hour & 0x7F, is_bcd);
    if (!(status_b & 0x02) && (hour & 0x80))
        t.hour = (t.hour % 12) + 12;
    return rtc_to_unix(&t);
}
