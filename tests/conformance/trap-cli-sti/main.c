/* SPDX-License-Identifier: MIT */
/*
 * Pins cli and sti in a PV kernel: at virtual IOPL 0 they are the guest's
 * #GP(0) at the instruction; once PHYSDEVOP_set_iopl gives IOPL 1 they
 * are skipped as no-ops, leaving the event mask as it was (Xen 4.17 does
 * not let them touch it: a later popf could not undo that). Linux runs
 * cli this way early in boot (this_cpu_cmpxchg16b_emu).
 */
#include "abi/physdev.h"
#include "gk/events.h"
#include "gk/hypercall.h"
#include "gk/test.h"
#include "gk/traps.h"

GK_TEST_INFO("trap-cli-sti", "cli/sti: #GP at IOPL 0, no-ops that leave the event mask at IOPL 1");

/* Run cli (or sti); true if it faulted, as #GP(0) at the instruction. */
static bool faults(bool cli)
{
    unsigned int n = gk_nr_traps;
    uint64_t at;

    if (cli)
        __asm__ volatile("lea 1f(%%rip), %0\n1: cli\n2:" GK_EXTABLE(1b, 2b)
                         : "=r"(at) :: "memory");
    else
        __asm__ volatile("lea 1f(%%rip), %0\n1: sti\n2:" GK_EXTABLE(1b, 2b)
                         : "=r"(at) :: "memory");
    if (gk_nr_traps == n)
        return false;
    check_eq(gk_last_trap.vector, 13, "vector");
    check_eq(gk_last_trap.error_code, 0, "error code");
    check_eq(gk_last_trap.rip, at, "rip at the instruction");
    return true;
}

int main(void)
{
    struct physdev_set_iopl iopl = { .iopl = 1 };
    volatile uint8_t *mask = &gk_vcpu_info->evtchn_upcall_mask;
    uint8_t before = *mask;

    check(faults(true), "cli at IOPL 0 faults");
    check(faults(false), "sti at IOPL 0 faults");
    check_rc(HYPERVISOR_physdev_op(PHYSDEVOP_set_iopl, &iopl), 0,
             "set_iopl 1");
    check(!faults(true), "cli at IOPL 1 runs");
    check_eq(*mask, before, "cli left the event mask");
    check(!faults(false), "sti at IOPL 1 runs");
    check_eq(*mask, before, "sti left the event mask");
    iopl.iopl = 0;
    check_rc(HYPERVISOR_physdev_op(PHYSDEVOP_set_iopl, &iopl), 0,
             "set_iopl 0");
    check(faults(true), "cli at IOPL 0 again faults");
    return 0;
}
