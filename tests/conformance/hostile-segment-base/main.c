/* SPDX-License-Identifier: MIT */
/*
 * Hostile-guest test 15 (DT-BASES), class D (XSA-193, XSA-293).
 * Invariant: the guest can never make the hypervisor load a non-canonical
 * FS or GS base (a #GP in the hypervisor's own exit path), and loading a
 * user GS selector never disturbs the kernel GS base.
 *
 * As on Xen 4.17:
 *  - set_segment_base(FS, GS_USER, GS_KERNEL) takes 0x00007ffffffff000,
 *    0x00007fffffffffff, 0xffff800000000000 and the hypervisor's range
 *    (0) and refuses 0x0000800000000000, 0xffff7fffffffffff and 1 << 63
 *    (-EINVAL) without changing the base;
 *  - wrmsr (emulated) of MSR_FS_BASE, MSR_GS_BASE and MSR_SHADOW_GS_BASE
 *    takes the canonical values (rdmsr reads them back) and raises #GP
 *    for the others, leaving the base as it was;
 *  - wrfsbase/wrgsbase with a non-canonical value never succeed (#UD
 *    when CR4.FSGSBASE is off for the guest, #GP otherwise), and
 *    rdfsbase either raises #UD or reads the base the guest set;
 *  - SEGBASE_GS_USER_SEL returns 0 for any selector: a selector of the
 *    hypervisor's (0xE008, 0xE010), one past the GDT, an LDT selector
 *    without an LDT, the null selectors 1-3 and real ones with RPL 0.
 *    A refused one leaves %gs null, RPL 0-2 of a real one is raised to
 *    3, the null selectors 1-3 stay as given (hv forced them to 3); the
 *    kernel GS base is unchanged.
 */
#include "abi/errno.h"
#include "abi/pv64.h"
#include "gk/bad.h"
#include "gk/hv.h"
#include "gk/hypercall.h"
#include "gk/test.h"
#include "gk/traps.h"
#include "gk/x86.h"

GK_TEST_INFO("hostile-segment-base", "segment bases stay canonical");

#define MSR_FS_BASE         0xC0000100
#define MSR_GS_BASE         0xC0000101
#define MSR_SHADOW_GS_BASE  0xC0000102

#define N(a) (sizeof(a) / sizeof((a)[0]))

static const uint64_t canonical[] = {
    0x00007ffffffff000UL, 0x00007fffffffffffUL, 0xffff800000000000UL,
    GK_BAD_HYPERVISOR,
};
static const uint64_t noncanonical[] = {
    0x0000800000000000UL, 0xffff7fffffffffffUL, GK_BAD_NONCANONICAL,
};

static volatile uint64_t fs_target = 0x1111222233334444UL;
static volatile uint64_t gs_target = 0x5555666677778888UL;

/* -1: no trap; else the vector the instruction raised. */
static int wrmsr_safe(uint32_t msr, uint64_t val)
{
    unsigned int before = gk_nr_traps;

    __asm__ volatile("1: wrmsr; 2:" GK_EXTABLE(1b, 2b)
                     :: "c"(msr), "a"((uint32_t)val),
                        "d"((uint32_t)(val >> 32)) : "memory");
    return gk_nr_traps == before ? -1 : (int)gk_last_trap.vector;
}

static int rdmsr_safe(uint32_t msr, uint64_t *val)
{
    unsigned int before = gk_nr_traps;
    uint32_t lo = 0, hi = 0;

    __asm__ volatile("1: rdmsr; 2:" GK_EXTABLE(1b, 2b)
                     : "+a"(lo), "+d"(hi) : "c"(msr) : "memory");
    *val = (uint64_t)hi << 32 | lo;
    return gk_nr_traps == before ? -1 : (int)gk_last_trap.vector;
}

static uint64_t read_fs0(void)
{
    uint64_t v;

    __asm__ volatile("mov %%fs:0, %0" : "=r"(v));
    return v;
}

static uint64_t read_gs0(void)
{
    uint64_t v;

    __asm__ volatile("mov %%gs:0, %0" : "=r"(v));
    return v;
}

static void check_hypercall(void)
{
    static const unsigned int which[] = {
        SEGBASE_FS, SEGBASE_GS_USER, SEGBASE_GS_KERNEL,
    };

    for (unsigned int w = 0; w < N(which); w++) {
        for (unsigned int i = 0; i < N(canonical); i++)
            check_rc(HYPERVISOR_set_segment_base(which[w], canonical[i]), 0,
                     "set_segment_base, canonical base");
        for (unsigned int i = 0; i < N(noncanonical); i++)
            check_rc(HYPERVISOR_set_segment_base(which[w], noncanonical[i]),
                     -XEN_EINVAL, "set_segment_base, non-canonical base");
    }

    /* A refused base leaves the one in use. */
    check_rc(HYPERVISOR_set_segment_base(SEGBASE_FS, (uint64_t)&fs_target),
             0, "FS base");
    check_rc(HYPERVISOR_set_segment_base(SEGBASE_GS_KERNEL,
                                         (uint64_t)&gs_target),
             0, "kernel GS base");
    for (unsigned int i = 0; i < N(noncanonical); i++) {
        HYPERVISOR_set_segment_base(SEGBASE_FS, noncanonical[i]);
        HYPERVISOR_set_segment_base(SEGBASE_GS_KERNEL, noncanonical[i]);
        HYPERVISOR_set_segment_base(SEGBASE_GS_USER, noncanonical[i]);
    }
    check_eq(read_fs0(), fs_target, "%fs:0 after refused bases");
    check_eq(read_gs0(), gs_target, "%gs:0 after refused bases");
}

static void check_msrs(void)
{
    static const uint32_t msrs[] = {
        MSR_FS_BASE, MSR_GS_BASE, MSR_SHADOW_GS_BASE,
    };
    uint64_t val;

    for (unsigned int m = 0; m < N(msrs); m++) {
        uint64_t before;

        if (rdmsr_safe(msrs[m], &before) != -1) {
            gk_check_failed(__FILE__, __LINE__, "rdmsr %#x: vector %d",
                            msrs[m], (int)gk_last_trap.vector);
            continue;
        }
        for (unsigned int i = 0; i < N(canonical); i++) {
            check_eq(wrmsr_safe(msrs[m], canonical[i]), -1,
                     "wrmsr of a canonical base (-1: no fault)");
            check_eq(rdmsr_safe(msrs[m], &val), -1, "rdmsr after wrmsr");
            check_eq(val, canonical[i], "base read back");
        }
        check_eq(wrmsr_safe(msrs[m], before), -1, "wrmsr of the old base");
        for (unsigned int i = 0; i < N(noncanonical); i++) {
            check_eq(wrmsr_safe(msrs[m], noncanonical[i]), X86_EXC_GP,
                     "wrmsr of a non-canonical base");
            check_eq(rdmsr_safe(msrs[m], &val), -1, "rdmsr after #GP");
            check_eq(val, before, "base after a refused wrmsr");
        }
    }
    check_eq(read_fs0(), fs_target, "%fs:0 after the MSR writes");
    check_eq(read_gs0(), gs_target, "%gs:0 after the MSR writes");
}

static void check_fsgsbase(void)
{
    unsigned int before = gk_nr_traps;
    uint64_t val = 0;

    __asm__ volatile("1: rdfsbase %0; 2:" GK_EXTABLE(1b, 2b) : "+r"(val));
    if (gk_nr_traps == before)
        check_eq(val, (uint64_t)&fs_target, "rdfsbase");
    else
        check_eq(gk_last_trap.vector, X86_EXC_UD, "rdfsbase fault");

    for (unsigned int i = 0; i < N(noncanonical); i++) {
        before = gk_nr_traps;
        __asm__ volatile("1: wrfsbase %0; 2:" GK_EXTABLE(1b, 2b)
                         :: "r"(noncanonical[i]));
        check_eq(gk_nr_traps, before + 1, "wrfsbase of a non-canonical base");
        before = gk_nr_traps;
        __asm__ volatile("1: wrgsbase %0; 2:" GK_EXTABLE(1b, 2b)
                         :: "r"(noncanonical[i]));
        check_eq(gk_nr_traps, before + 1, "wrgsbase of a non-canonical base");
    }
    check_eq(read_fs0(), fs_target, "%fs:0 after wr*base");
    check_eq(read_gs0(), gs_target, "%gs:0 after wr*base");
}

static uint16_t read_gs_sel(void)
{
    uint16_t sel;

    __asm__ volatile("mov %%gs, %0" : "=r"(sel));
    return sel;
}

static void check_user_sel(void)
{
    static const struct {
        uint16_t sel, want;     /* %gs afterwards */
    } cases[] = {
        { 0xE008, 0 }, { 0xE010, 0 }, { 0xE00B, 0 },
        { 0xFFF8, 0 }, { 0xFFFF, 0 }, { 0x0007, 0 }, { 0x0004, 0 },
        { FLAT_USER_DS32 & ~3, FLAT_USER_DS32 },
        { FLAT_USER_DS32, FLAT_USER_DS32 },
        { 0xE030, FLAT_KERNEL_CS },
    };

    for (unsigned int i = 0; i < N(cases); i++) {
        check_rc(HYPERVISOR_set_segment_base(SEGBASE_GS_USER_SEL,
                                             0xABCD0000UL | cases[i].sel),
                 0, "GS_USER_SEL");
        check_eq(read_gs_sel(), cases[i].want, "%gs after GS_USER_SEL");
        check_eq(read_gs0(), gs_target, "%gs:0 after GS_USER_SEL");
    }
    for (uint16_t sel = 1; sel <= 3; sel++) {
        check_rc(HYPERVISOR_set_segment_base(SEGBASE_GS_USER_SEL, sel), 0,
                 "GS_USER_SEL null with an RPL");
        check_eq(read_gs_sel(), sel, "%gs after a null GS_USER_SEL");
        check_eq(read_gs0(), gs_target, "%gs:0 after a null GS_USER_SEL");
    }
    check_rc(HYPERVISOR_set_segment_base(SEGBASE_GS_USER_SEL, 0), 0,
             "GS_USER_SEL 0");
}

int main(void)
{
    check_hypercall();
    check_msrs();
    check_fsgsbase();
    check_user_sel();

    check_rc(HYPERVISOR_set_segment_base(SEGBASE_FS, 0), 0, "FS base 0");
    check_rc(HYPERVISOR_set_segment_base(SEGBASE_GS_KERNEL, 0), 0,
             "kernel GS base 0");
    check_rc(HYPERVISOR_set_segment_base(SEGBASE_GS_USER, 0), 0,
             "user GS base 0");
    return 0;
}
