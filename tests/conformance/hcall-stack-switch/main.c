/* SPDX-License-Identifier: MIT */
/*
 * Pins stack_switch(ss, rsp): recording the kernel stack for bounces from
 * user mode returns 0 for the flat kernel SS and any canonical rsp; the
 * call has no effect on the current stack or on bounces from kernel mode
 * (a #UD afterwards still lands on the interrupted stack).
 */
#include "abi/pv64.h"
#include "gk/test.h"
#include "gk/hypercall.h"
#include "gk/traps.h"
#include "gk/x86.h"

GK_TEST_INFO("hcall-stack-switch", "stack_switch records the kernel stack");

static uint8_t other_stack[4096] __attribute__((aligned(16)));

int main(void)
{
    uint64_t sp;

    check_rc(HYPERVISOR_stack_switch(FLAT_KERNEL_SS,
                                     (uint64_t)other_stack +
                                         sizeof(other_stack)), 0,
             "stack_switch(FLAT_KERNEL_SS, stack)");
    check_rc(HYPERVISOR_stack_switch(FLAT_KERNEL_SS & ~3UL,
                                     (uint64_t)other_stack +
                                         sizeof(other_stack)), 0,
             "stack_switch with RPL 0 SS");

    /* A kernel-mode fault stays on the interrupted stack. */
    __asm__ volatile("mov %%rsp, %0; 1: ud2; 2:" GK_EXTABLE(1b, 2b)
                     : "=r"(sp));
    check_eq(gk_last_trap.vector, X86_EXC_UD, "vector after stack_switch");
    check_eq(gk_last_trap.rsp, sp, "interrupted rsp after stack_switch");
    check((uint64_t)&gk_last_trap < (uint64_t)other_stack ||
              (uint64_t)&gk_last_trap >= (uint64_t)other_stack + 4096,
          "frame copy placed oddly");
    return 0;
}
