/* SPDX-License-Identifier: MIT */
/*
 * Pins #BP: int3 (0xCC) and `int $3` (0xCD 0x03) in guest kernel mode are
 * bounced to vector 3 with RIP after the instruction (1 and 2 bytes) and
 * no error code.
 */
#include "gk/test.h"
#include "gk/traps.h"
#include "gk/x86.h"

GK_TEST_INFO("trap-bp", "#BP from int3 and int $3");

int main(void)
{
    uint64_t after;
    unsigned int before = gk_nr_traps;

    gk_trap_set_hook(X86_EXC_BP, gk_trap_hook_resume);

    __asm__ volatile("int3\n\t1: lea 1b(%%rip), %0" : "=r"(after));
    check_eq(gk_nr_traps, before + 1, "exceptions from int3");
    check_eq(gk_last_trap.vector, X86_EXC_BP, "vector of int3");
    check_eq(gk_last_trap.rip, after, "RIP after int3");
    check_eq(gk_last_trap.error_code, 0, "error code of int3");

    __asm__ volatile(".byte 0xcd, 0x03\n\t1: lea 1b(%%rip), %0"
                     : "=r"(after));
    check_eq(gk_nr_traps, before + 2, "exceptions from int $3");
    check_eq(gk_last_trap.vector, X86_EXC_BP, "vector of int $3");
    check_eq(gk_last_trap.rip, after, "RIP after int $3");
    return 0;
}
