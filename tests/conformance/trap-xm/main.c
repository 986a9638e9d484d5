/* SPDX-License-Identifier: MIT */
/*
 * Pins #XM: PV guests run with CR4.OSFXSR and CR4.OSXMMEXCPT, so an SSE
 * divide by zero with MXCSR.ZM clear raises #XM, bounced to vector 19 with
 * RIP at the divss and no error code. QEMU 7.2's TCG never raises
 * unmasked SSE exceptions (it only sets the MXCSR flag): then the test
 * SKIPs, naming that.
 */
#include "gk/test.h"
#include "gk/traps.h"
#include "gk/x86.h"

GK_TEST_INFO("trap-xm", "#XM from an unmasked SSE exception");

int main(void)
{
    static const uint32_t mxcsr_zm_clear = 0x1F80 & ~0x200;
    static const uint32_t mxcsr_default = 0x1F80;
    uint64_t rip;
    uint32_t mxcsr = 0;
    unsigned int before = gk_nr_traps;

    __asm__ volatile("ldmxcsr %2\n\t"
                     "mov $0x3f800000, %%eax\n\t"    /* 1.0f */
                     "movd %%eax, %%xmm0\n\t"
                     "xorps %%xmm1, %%xmm1\n\t"
                     "lea 1f(%%rip), %0\n\t"
                     "1: divss %%xmm1, %%xmm0\n\t"
                     "2: stmxcsr %1\n\t"
                     "ldmxcsr %3" GK_EXTABLE(1b, 2b)
                     : "=&r"(rip), "=m"(mxcsr)
                     : "m"(mxcsr_zm_clear), "m"(mxcsr_default)
                     : "rax");    /* xmm0/1: unused by -mno-sse C */
    if (gk_nr_traps == before && (mxcsr & 0x4))
        test_skip("the CPU set MXCSR.ZE without raising #XM (QEMU TCG "
                  "before 8.x does not raise SIMD exceptions)");
    check_eq(gk_nr_traps, before + 1, "exceptions");
    check_eq(gk_last_trap.vector, X86_EXC_XM, "vector");
    check_eq(gk_last_trap.rip, rip, "RIP");
    check_eq(gk_last_trap.error_code, 0, "error code");
    return 0;
}
