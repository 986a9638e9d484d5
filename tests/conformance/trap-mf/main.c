/* SPDX-License-Identifier: MIT */
/*
 * Pins #MF: with the x87 zero-divide exception unmasked, fdiv by zero
 * sets a pending exception that the next waiting instruction (fwait)
 * reports as #MF (CR0.NE is set for PV guests), bounced to vector 16 with
 * RIP at the fwait and no error code.
 */
#include "gk/test.h"
#include "gk/traps.h"
#include "gk/x86.h"

GK_TEST_INFO("trap-mf", "#MF from an unmasked x87 exception");

int main(void)
{
    static const uint16_t fcw = 0x037B;    /* all masked except ZE */
    uint64_t rip;
    unsigned int before = gk_nr_traps;

    __asm__ volatile("fninit\n\t"
                     "fldcw %1\n\t"
                     "fld1\n\t"
                     "fldz\n\t"
                     "fdivrp\n\t"            /* 1 / 0 */
                     "lea 1f(%%rip), %0\n\t"
                     "1: fwait\n\t"
                     "2: fnclex\n\t"
                     "fninit" GK_EXTABLE(1b, 2b)
                     : "=&r"(rip) : "m"(fcw));
    check_eq(gk_nr_traps, before + 1, "exceptions");
    check_eq(gk_last_trap.vector, X86_EXC_MF, "vector");
    check_eq(gk_last_trap.rip, rip, "RIP");
    check_eq(gk_last_trap.error_code, 0, "error code");
    return 0;
}
