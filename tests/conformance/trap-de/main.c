/* SPDX-License-Identifier: MIT */
/*
 * Pins #DE: a divide by zero (and a quotient overflow) in guest kernel
 * mode is bounced to vector 0 with RIP at the div instruction and no
 * error code; execution resumes where the handler says.
 */
#include "gk/test.h"
#include "gk/traps.h"
#include "gk/x86.h"

GK_TEST_INFO("trap-de", "#DE is bounced to the guest");

int main(void)
{
    uint64_t rip;
    unsigned int before = gk_nr_traps;

    __asm__ volatile("lea 1f(%%rip), %0\n\t"
                     "xor %%edx, %%edx; mov $1, %%eax; xor %%ecx, %%ecx\n\t"
                     "1: div %%ecx\n\t2:" GK_EXTABLE(1b, 2b)
                     : "=&r"(rip) :: "rax", "rcx", "rdx");
    check_eq(gk_nr_traps, before + 1, "exceptions from div by 0");
    check_eq(gk_last_trap.vector, X86_EXC_DE, "vector of div by 0");
    check_eq(gk_last_trap.rip, rip, "RIP of div by 0");
    check_eq(gk_last_trap.error_code, 0, "error code of div by 0");

    /* INT64_MIN / -1 overflows the quotient: also #DE. */
    __asm__ volatile("lea 1f(%%rip), %0\n\t"
                     "mov $0x8000000000000000, %%rax; cqo; mov $-1, %%rcx\n\t"
                     "1: idiv %%rcx\n\t2:" GK_EXTABLE(1b, 2b)
                     : "=&r"(rip) :: "rax", "rcx", "rdx");
    check_eq(gk_nr_traps, before + 2, "exceptions from idiv overflow");
    check_eq(gk_last_trap.vector, X86_EXC_DE, "vector of idiv overflow");
    check_eq(gk_last_trap.rip, rip, "RIP of idiv overflow");
    return 0;
}
