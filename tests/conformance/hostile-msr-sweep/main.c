/* SPDX-License-Identifier: MIT */
/*
 * Hostile-guest test 28 (MSR-SWEEP), class G (XSA-333, XSA-351).
 * Invariant: no MSR index makes the hypervisor fault: an MSR the guest
 * may not see raises #GP in the guest, and any value the guest may read
 * it may write back unchanged without harm (the hypervisor uses a
 * fault-safe access or refuses with #GP).
 *
 * For every index of 0-0x1fff, 0x40000000-0x400001ff (the hypervisor
 * leaves) and 0xc0000000-0xc0011fff (AMD and x86-64 MSRs): rdmsr either
 * succeeds or raises #GP (no other vector), and after a successful read
 * wrmsr of the same value either succeeds or raises #GP. The MSRs that
 * keep time (TSC 0x10, TSC_DEADLINE 0x6e0, TSC_AUX 0xc0000103) are read
 * but not written: a value written back late would move time. Which
 * MSRs are readable differs between hypervisors and is only printed.
 */
#include "gk/test.h"
#include "gk/traps.h"
#include "gk/x86.h"

GK_TEST_INFO("hostile-msr-sweep", "rdmsr/wrmsr over the MSR ranges");

/* -1: no fault; else the vector. */
static int rdmsr_safe(uint32_t msr, uint64_t *val)
{
    unsigned int before = gk_nr_traps;
    uint32_t lo = 0, hi = 0;

    __asm__ volatile("1: rdmsr; 2:" GK_EXTABLE(1b, 2b)
                     : "+a"(lo), "+d"(hi) : "c"(msr) : "memory");
    *val = (uint64_t)hi << 32 | lo;
    return gk_nr_traps == before ? -1 : (int)gk_last_trap.vector;
}

static int wrmsr_safe(uint32_t msr, uint64_t val)
{
    unsigned int before = gk_nr_traps;

    __asm__ volatile("1: wrmsr; 2:" GK_EXTABLE(1b, 2b)
                     :: "c"(msr), "a"((uint32_t)val),
                        "d"((uint32_t)(val >> 32)) : "memory");
    return gk_nr_traps == before ? -1 : (int)gk_last_trap.vector;
}

static bool keeps_time(uint32_t msr)
{
    return msr == 0x10 || msr == 0x6e0 || msr == 0xc0000103;
}

static void sweep(uint32_t first, uint32_t last)
{
    unsigned int nr_read = 0, nr_written = 0;

    for (uint32_t msr = first; msr <= last; msr++) {
        uint64_t val;
        int vec = rdmsr_safe(msr, &val);

        if (vec != -1) {
            if (vec != X86_EXC_GP)
                gk_check_failed(__FILE__, __LINE__,
                                "rdmsr %#x: vector %d, want #GP", msr, vec);
            continue;
        }
        nr_read++;
        gk_printf("msr %#x = %#lx\n", msr, val);
        if (keeps_time(msr))
            continue;
        vec = wrmsr_safe(msr, val);
        if (vec == -1)
            nr_written++;
        else if (vec != X86_EXC_GP)
            gk_check_failed(__FILE__, __LINE__,
                            "wrmsr %#x: vector %d, want #GP", msr, vec);
    }
    gk_printf("%#x-%#x: %u readable, %u written back\n", first, last,
              nr_read, nr_written);
}

int main(void)
{
    sweep(0, 0x1fff);
    sweep(0x40000000, 0x400001ff);
    sweep(0xc0000000, 0xc0011fff);
    return 0;
}
