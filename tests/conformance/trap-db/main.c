/* SPDX-License-Identifier: MIT */
/*
 * Pins #DB: a single step (RFLAGS.TF set by popf) in guest kernel mode is
 * bounced to vector 1 as a trap, with RIP after the stepped instruction,
 * no error code and TF set in the frame's RFLAGS; the guest's virtual DR6
 * (get_debugreg(6)) then has BS (bit 14) set. icebp (0xF1) gives #DB with
 * RIP after it on hardware; QEMU's TCG (built without WANT_ICEBP) raises
 * #UD at it instead, which both hypervisors bounce as #UD: accept either.
 */
#include "abi/hypercall.h"
#include "gk/hypercall.h"
#include "gk/test.h"
#include "gk/traps.h"
#include "gk/x86.h"

GK_TEST_INFO("trap-db", "#DB from icebp and single step");

static uint64_t step_flags;

/* Single-stepping: stop stepping and go on after the stepped insn. */
static bool stop_stepping(struct gk_trap_frame *f)
{
    step_flags = f->rflags;
    f->rflags &= ~X86_EFLAGS_TF;
    return true;
}

int main(void)
{
    uint64_t at, after;
    unsigned int before = gk_nr_traps;
    long dr6;

    gk_trap_set_hook(X86_EXC_DB, gk_trap_hook_resume);
    __asm__ volatile("lea 1f(%%rip), %0\n\t1: .byte 0xf1\n\t2:"
                     GK_EXTABLE(1b, 2b) : "=r"(at));
    check_eq(gk_nr_traps, before + 1, "exceptions from icebp");
    if (gk_last_trap.vector == X86_EXC_UD) {
        gk_printf("icebp raised #UD: emulator without icebp\n");
        check_eq(gk_last_trap.rip, at, "RIP of icebp's #UD");
    } else {
        check_eq(gk_last_trap.vector, X86_EXC_DB, "vector of icebp");
        check_eq(gk_last_trap.rip, at + 1, "RIP after icebp");
        check_eq(gk_last_trap.error_code, 0, "error code of icebp");
    }

    gk_trap_set_hook(X86_EXC_DB, stop_stepping);
    __asm__ volatile("pushfq\n\t"
                     "orq $0x100, (%%rsp)\n\t"
                     "popfq\n\t"
                     "nop\n\t"
                     "1: lea 1b(%%rip), %0"
                     : "=r"(after) :: "cc");
    gk_trap_set_hook(X86_EXC_DB, NULL);
    check_eq(gk_nr_traps, before + 2, "exceptions from single step");
    check_eq(gk_last_trap.vector, X86_EXC_DB, "vector of single step");
    check_eq(gk_last_trap.rip, after, "RIP after the stepped nop");
    check(step_flags & X86_EFLAGS_TF, "frame RFLAGS %#lx lack TF",
          step_flags);

    dr6 = gk_hypercall5(__HYPERVISOR_get_debugreg, 6, 0, 0, 0, 0);
    gk_printf("dr6 %#lx\n", dr6);
    check(dr6 & 0x4000, "DR6 %#lx lacks BS after a single step", dr6);
    return 0;
}
