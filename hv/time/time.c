/* SPDX-License-Identifier: MIT */
/*
 * TSC calibration: count TSC ticks while PIT channel 2 counts down 10 ms.
 * Under QEMU's icount mode this is exact and repeatable.
 */
#include "time/time.h"
#include "arch/x86/cpu.h"
#include "console/console.h"

#define PIT_HZ        1193182UL
#define CALIBRATE_MS  10

static uint64_t boot_tsc, hz;
static struct tsc_scale scale;

static uint64_t measure_tsc_hz(void)
{
    uint32_t count = PIT_HZ * CALIBRATE_MS / 1000;
    uint64_t start, end;
    unsigned long spins = 0;

    /* Gate channel 2 on, speaker off; mode 0 (interrupt on terminal count). */
    outb(0x61, (inb(0x61) & ~0x02) | 0x01);
    outb(0x43, 0xB0);
    outb(0x42, count & 0xFF);
    outb(0x42, count >> 8);
    start = rdtsc();
    while (!(inb(0x61) & 0x20))
        if (++spins > 100000000UL)
            return 0;
    end = rdtsc();
    return (end - start) * (1000 / CALIBRATE_MS);
}

void time_init(void)
{
    boot_tsc = rdtsc();
    hz = measure_tsc_hz();
    if (!hz) {
        hz = 1000000000UL;
        printk("time: PIT did not count; assuming a 1 GHz TSC");
    }
    scale = tsc_scale_from_hz(hz);
    console_set_clock(time_now_ns);
    printk("time: TSC %lu.%03lu MHz", (unsigned long)(hz / 1000000),
           (unsigned long)(hz / 1000 % 1000));
}

uint64_t time_now_ns(void)
{
    return tsc_scale_delta(rdtsc() - boot_tsc, scale);
}

uint64_t tsc_hz(void)
{
    return hz;
}

struct tsc_scale time_scale(void)
{
    return scale;
}

uint64_t time_boot_tsc(void)
{
    return boot_tsc;
}
