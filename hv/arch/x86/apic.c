/* SPDX-License-Identifier: MIT */
/* xAPIC in one-shot timer mode, calibrated against the (calibrated) TSC. */
#include "arch/x86/apic.h"
#include "arch/x86/cpu.h"
#include "console/console.h"
#include "mm/hv-pagetable.h"
#include "time/time.h"

#define MSR_APIC_BASE   0x1B
#define APIC_BASE_EN    (1UL << 11)
#define APIC_SVR        0x0F0
#define APIC_EOI        0x0B0
#define APIC_LVT_TIMER  0x320
#define APIC_LVT_LINT0  0x350
#define APIC_LVT_LINT1  0x360
#define APIC_LVT_ERROR  0x370
#define APIC_TMICT      0x380
#define APIC_TMCCT      0x390
#define APIC_TDCR       0x3E0
#define LVT_MASKED      (1U << 16)
#define CALIBRATE_NS    10000000UL

static volatile uint32_t *apic;
static uint64_t apic_hz;
static uint64_t ticks_per_ns_32;   /* apic_hz / 1e9 in 32.32 fixed point */

static uint32_t apic_read(unsigned int reg)
{
    return apic[reg / 4];
}

static void apic_write(unsigned int reg, uint32_t v)
{
    apic[reg / 4] = v;
}

void apic_init(void)
{
    uint64_t base = rdmsr(MSR_APIC_BASE);
    uint64_t t0, t1, ticks;
    uint32_t left;

    wrmsr(MSR_APIC_BASE, base | APIC_BASE_EN);
    apic = hv_map_mmio_boot(base & 0xFFFFF000UL);
    apic_write(APIC_SVR, 0x100 | APIC_SPURIOUS_VECTOR);
    apic_write(APIC_LVT_LINT0, LVT_MASKED);
    apic_write(APIC_LVT_LINT1, LVT_MASKED);
    apic_write(APIC_LVT_ERROR, LVT_MASKED);
    apic_write(APIC_TDCR, 0xB);                 /* divide by 1 */
    apic_write(APIC_LVT_TIMER, LVT_MASKED | APIC_TIMER_VECTOR);

    apic_write(APIC_TMICT, 0xFFFFFFFF);
    t0 = time_now_ns();
    do {
        t1 = time_now_ns();
    } while (t1 - t0 < CALIBRATE_NS);
    left = apic_read(APIC_TMCCT);
    apic_write(APIC_TMICT, 0);
    ticks = 0xFFFFFFFFUL - left;
    apic_hz = ticks * 1000000000UL / (t1 - t0);
    if (!apic_hz)
        panic("local APIC timer does not count");
    ticks_per_ns_32 = (apic_hz << 32) / 1000000000UL;
    apic_write(APIC_LVT_TIMER, APIC_TIMER_VECTOR);  /* one-shot */
    printk("apic: timer %lu.%03lu MHz", (unsigned long)(apic_hz / 1000000),
           (unsigned long)(apic_hz / 1000 % 1000));
}

void apic_timer_oneshot(uint64_t ns)
{
    uint64_t count;

    if (!ns) {
        apic_write(APIC_TMICT, 0);
        return;
    }
    count = (uint64_t)(((unsigned __int128)ns * ticks_per_ns_32) >> 32);
    if (count == 0)
        count = 1;
    if (count > 0xFFFFFFFFUL)
        count = 0xFFFFFFFFUL;
    apic_write(APIC_TMICT, (uint32_t)count);
}

void apic_eoi(void)
{
    apic_write(APIC_EOI, 0);
}
