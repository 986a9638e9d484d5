/* SPDX-License-Identifier: MIT */
/*
 * Platform MSRs as Xen 4.17 shows them to a PV dom0. Machine checks are
 * hv's business, so the guest sees two banks that never report anything
 * (Linux refuses to boot if MCG_CAP names banks it cannot read); its
 * writes to them change nothing.
 */
#include "pv/msr-platform.h"
#include "arch/x86/cpu.h"

#define MSR_TSC           0x010
#define MSR_APIC_BASE     0x01B
#define MSR_MCG_CAP       0x179
#define MSR_MCG_STATUS    0x17A
#define MSR_MCG_CTL       0x17B
#define MSR_MC0_CTL       0x400      /* bank n: CTL, STATUS, ADDR, MISC */
#define MSR_MC_LAST       0x47F
#define MSR_AMD_HWCR      0xC0010015

#define NR_MC_BANKS       2
/* xAPIC at its usual place, enabled, this is the boot CPU. */
#define APIC_BASE_VALUE   0xFEE00900UL

bool msr_platform_read(const struct vcpu *v, uint32_t msr, uint64_t *val)
{
    switch (msr) {
    case MSR_TSC:
        *val = rdtsc();
        return true;
    case MSR_APIC_BASE:
        *val = APIC_BASE_VALUE;
        return true;
    case MSR_MCG_CAP:
        *val = NR_MC_BANKS;
        return true;
    case MSR_MCG_STATUS:
    case MSR_MCG_CTL:
    case MSR_AMD_HWCR:
        *val = 0;
        return true;
    }
    if (msr >= MSR_MC0_CTL && msr <= MSR_MC_LAST) {
        /* Each bank's CTL enables every error type; nothing is logged. */
        *val = (msr - MSR_MC0_CTL) % 4 == 0 &&
                       (msr - MSR_MC0_CTL) / 4 < NR_MC_BANKS
                   ? ~0UL : 0;
        return true;
    }
    return false;
}

bool msr_platform_write(const struct vcpu *v, uint32_t msr, uint64_t val)
{
    return msr == MSR_MCG_STATUS || msr == MSR_MCG_CTL ||
           (msr >= MSR_MC0_CTL && msr <= MSR_MC_LAST);
}
