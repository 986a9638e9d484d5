/* SPDX-License-Identifier: MIT */
/*
 * Pins #AC: a PV kernel runs in ring 3, so with RFLAGS.AC set (and CR0.AM
 * set by the hypervisor) a misaligned load raises #AC(0), bounced to
 * vector 17 with error code 0 and RIP at the load. If no #AC happens the
 * hypervisor left CR0.AM clear: the test then SKIPs, naming that.
 */
#include "gk/test.h"
#include "gk/traps.h"
#include "gk/x86.h"

GK_TEST_INFO("trap-ac", "#AC from a misaligned access with RFLAGS.AC");

static uint64_t words[2];

int main(void)
{
    uint64_t rip;
    unsigned int before = gk_nr_traps;

    __asm__ volatile("pushfq\n\t"
                     "orl $0x40000, (%%rsp)\n\t"
                     "popfq\n\t"
                     "lea 1f(%%rip), %0\n\t"
                     "1: movl 1(%1), %%eax\n\t"
                     "2: pushfq\n\t"
                     "andl $~0x40000, (%%rsp)\n\t"
                     "popfq" GK_EXTABLE(1b, 2b)
                     : "=&r"(rip) : "r"(words) : "rax", "cc", "memory");
    if (gk_nr_traps == before)
        test_skip("no #AC: CR0.AM is clear under this hypervisor");
    check_eq(gk_nr_traps, before + 1, "exceptions");
    check_eq(gk_last_trap.vector, X86_EXC_AC, "vector");
    check_eq(gk_last_trap.error_code, 0, "error code");
    check_eq(gk_last_trap.rip, rip, "RIP");
    return 0;
}
