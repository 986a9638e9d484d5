/* SPDX-License-Identifier: MIT */
/*
 * Pins #BR for 64-bit PV: `bound` does not exist in 64-bit mode (0x62 is
 * the EVEX prefix; with no AVX-512 it is invalid), so it is bounced as #UD
 * at the instruction. `int $5` hits a DPL-0 gate and becomes #GP with an
 * IDT error code (bit 1 set), since our trap table gives vector 5 DPL 0.
 */
#include "gk/test.h"
#include "gk/cpuid.h"
#include "gk/traps.h"
#include "gk/x86.h"

GK_TEST_INFO("trap-br", "bound is #UD in 64-bit mode");

int main(void)
{
    uint64_t rip;
    unsigned int before = gk_nr_traps;
    struct gk_cpuid l7 = gk_cpuid_pv(7, 0);

    if (l7.b & (1U << 16))
        test_skip("the CPU has AVX-512F: 0x62 is a valid EVEX prefix");

    /* bound %eax, (%rax) in 32-bit encoding: 62 00. */
    __asm__ volatile("lea 1f(%%rip), %0\n\t1: .byte 0x62, 0x00\n\t2:"
                     GK_EXTABLE(1b, 2b) : "=r"(rip) : "a"(0));
    check_eq(gk_nr_traps, before + 1, "exceptions from bound");
    check_eq(gk_last_trap.vector, X86_EXC_UD, "vector of bound");
    check_eq(gk_last_trap.rip, rip, "RIP of bound");

    __asm__ volatile("lea 1f(%%rip), %0\n\t1: .byte 0xcd, 0x05\n\t2:"
                     GK_EXTABLE(1b, 2b) : "=r"(rip));
    check_eq(gk_nr_traps, before + 2, "exceptions from int $5");
    check_eq(gk_last_trap.vector, X86_EXC_GP, "vector of int $5");
    check_eq(gk_last_trap.rip, rip, "RIP of int $5");
    check_eq(gk_last_trap.error_code & 7, 2, "IDT bit of the #GP error code");
    gk_printf("int $5: #GP error code %#lx\n", gk_last_trap.error_code);
    return 0;
}
