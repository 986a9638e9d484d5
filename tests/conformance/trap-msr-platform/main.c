/* SPDX-License-Identifier: MIT */
/*
 * Pins the platform MSRs Xen 4.17 shows a PV dom0, which Linux reads
 * while it identifies the boot CPU: MCG_CAP (0x179) names 2 banks and
 * nothing else; MCG_STATUS and MCG_CTL read 0; bank n's CTL (0x400+4n)
 * reads all ones and its STATUS, ADDR and MISC 0; writing 0 to a bank's
 * STATUS and all ones to its CTL is accepted; APIC_BASE (0x1b) reads
 * 0xfee00900; the TSC MSR (0x10) reads a value between two rdtscs;
 * AMD's HWCR (0xc0010015) reads 0; MTRRcap (0xfe) and MTRRdefType
 * (0x2ff) raise #GP.
 */
#include "gk/test.h"
#include "gk/time.h"
#include "gk/traps.h"

GK_TEST_INFO("trap-msr-platform", "platform MSRs as Xen shows them");

/* rdmsr; 0 if it worked, else the #GP's error code + 1. */
static long rd(uint32_t msr, uint64_t *v)
{
    uint32_t lo = 0, hi = 0;
    unsigned int before = gk_nr_traps;

    __asm__ volatile("1: rdmsr\n2:" GK_EXTABLE(1b, 2b)
                     : "=a"(lo), "=d"(hi) : "c"(msr));
    *v = ((uint64_t)hi << 32) | lo;
    return gk_nr_traps == before ? 0 : (long)gk_last_trap.error_code + 1;
}

static long wr(uint32_t msr, uint64_t v)
{
    unsigned int before = gk_nr_traps;

    __asm__ volatile("1: wrmsr\n2:" GK_EXTABLE(1b, 2b)
                     :: "a"((uint32_t)v), "d"((uint32_t)(v >> 32)),
                        "c"(msr));
    return gk_nr_traps == before ? 0 : 1;
}

static void expect(uint32_t msr, uint64_t want)
{
    uint64_t v;

    check(rd(msr, &v) == 0, "rdmsr %#x faulted", msr);
    check(v == want, "MSR %#x reads %#lx, want %#lx", msr, v, want);
}

int main(void)
{
    uint64_t v, t0, t1;

    expect(0x179, 2);
    expect(0x17a, 0);
    expect(0x17b, 0);
    for (uint32_t bank = 0; bank < 2; bank++) {
        expect(0x400 + 4 * bank, ~0UL);
        expect(0x401 + 4 * bank, 0);
        expect(0x402 + 4 * bank, 0);
        expect(0x403 + 4 * bank, 0);
        check(wr(0x401 + 4 * bank, 0) == 0, "clearing bank %u's status",
              bank);
        check(wr(0x400 + 4 * bank, ~0UL) == 0, "enabling bank %u", bank);
    }
    expect(0x1b, 0xfee00900);
    expect(0xc0010015, 0);
    t0 = gk_rdtsc();
    check(rd(0x10, &v) == 0, "rdmsr of the TSC faulted");
    t1 = gk_rdtsc();
    check(v >= t0 && v <= t1, "TSC MSR %#lx outside %#lx-%#lx", v, t0, t1);
    check(rd(0xfe, &v) != 0, "MTRRcap read %#lx", v);
    check(rd(0x2ff, &v) != 0, "MTRRdefType read %#lx", v);
    return 0;
}
