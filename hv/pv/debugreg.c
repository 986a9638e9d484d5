/* SPDX-License-Identifier: MIT */
/*
 * set_debugreg (8) and get_debugreg (9). hv checks and keeps the values
 * as Xen does but does not arm them in the hardware yet: a guest reads
 * back what it wrote, and its breakpoints do not fire. Linux only clears
 * them at boot and reads them when it dumps registers.
 */
#include "pv/debugreg.h"
#include "arch/x86/page.h"
#include "console/console.h"
#include "domain/domain.h"

#include <abi/pv64.h>
#include <hv/errno.h>

#define DR6_RESERVED_ONES 0xFFFF0FF0UL
#define DR7_RESERVED_ONES 0x400UL
#define DR7_GD            (1UL << 13)

/* DR6 bits the CPU sets on a debug exception (B0-B3, BD, BS, BT). */
#define DR6_STATUS_BITS   0xE00FUL

void pv_debugreg_latch_dr6(struct vcpu *v)
{
    uint64_t dr6;

    __asm__ __volatile__("mov %%db6, %0" : "=r"(dr6));
    v->debugreg[6] |= dr6 & DR6_STATUS_BITS;
    __asm__ __volatile__("mov %0, %%db6" ::"r"(DR6_RESERVED_ONES));
}

/* A breakpoint address: canonical and below the hypervisor's hole. */
static bool guest_address_ok(uint64_t va)
{
    return is_canonical(va) &&
           !(va >= HYPERVISOR_VIRT_START && va < HYPERVISOR_VIRT_END);
}

/*
 * set_debugreg(reg, val): DR0-3 take guest addresses (-EPERM otherwise);
 * DR6 and DR7 take 32-bit values (-EINVAL for upper bits), DR7 without
 * GD (-EINVAL); any other reg -ENODEV.
 */
long hc_set_debugreg(struct vcpu *v, uint64_t reg, uint64_t val, uint64_t a3,
                     uint64_t a4, uint64_t a5)
{
    switch (reg) {
    case 0: case 1: case 2: case 3:
        if (!guest_address_ok(val))
            return gerr(v, -EPERM, "set_debugreg: DR%lu %#lx not a guest "
                        "address", reg, val);
        break;
    case 6:
        if (val >> 32)
            return gerr(v, -EINVAL, "set_debugreg: DR6 %#lx above 32 bits",
                        val);
        val |= DR6_RESERVED_ONES;
        break;
    case 7:
        if (val >> 32 || (val & DR7_GD))
            return gerr(v, -EINVAL, "set_debugreg: DR7 %#lx (GD or above 32 "
                        "bits)", val);
        val |= DR7_RESERVED_ONES;
        break;
    default:
        return gerr(v, -ENODEV, "set_debugreg: no DR%lu", reg);
    }
    v->debugreg[reg] = val;
    return 0;
}

/* get_debugreg(reg): the value; -ENODEV for a reg other than 0-3, 6, 7. */
long hc_get_debugreg(struct vcpu *v, uint64_t reg, uint64_t a2, uint64_t a3,
                     uint64_t a4, uint64_t a5)
{
    switch (reg) {
    case 0: case 1: case 2: case 3:
        return (long)v->debugreg[reg];
    case 6:
        return (long)(v->debugreg[6] | DR6_RESERVED_ONES);
    case 7:
        return (long)(v->debugreg[7] | DR7_RESERVED_ONES);
    default:
        return gerr(v, -ENODEV, "get_debugreg: no DR%lu", reg);
    }
}
