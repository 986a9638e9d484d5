/* SPDX-License-Identifier: MIT */
/*
 * Pins #OF for 64-bit PV: `into` (0xCE) does not exist in 64-bit mode and
 * is bounced as #UD at the instruction; `int $4` reaches the guest's
 * vector 4 (its IDT gate is usable from ring 3, like int3) with RIP after
 * the two-byte instruction and no error code.
 */
#include "gk/test.h"
#include "gk/traps.h"
#include "gk/x86.h"

GK_TEST_INFO("trap-of", "#OF via int $4, into is #UD");

int main(void)
{
    uint64_t rip, after;
    unsigned int before = gk_nr_traps;

    gk_trap_set_hook(X86_EXC_OF, gk_trap_hook_resume);

    __asm__ volatile("lea 1f(%%rip), %0\n\t1: .byte 0xce\n\t2:"
                     GK_EXTABLE(1b, 2b) : "=r"(rip));
    check_eq(gk_nr_traps, before + 1, "exceptions from into");
    check_eq(gk_last_trap.vector, X86_EXC_UD, "vector of into");
    check_eq(gk_last_trap.rip, rip, "RIP of into");

    __asm__ volatile(".byte 0xcd, 0x04\n\t1: lea 1b(%%rip), %0"
                     : "=r"(after));
    check_eq(gk_nr_traps, before + 2, "exceptions from int $4");
    check_eq(gk_last_trap.vector, X86_EXC_OF, "vector of int $4");
    check_eq(gk_last_trap.rip, after, "RIP after int $4");
    check_eq(gk_last_trap.error_code, 0, "error code of int $4");
    return 0;
}
