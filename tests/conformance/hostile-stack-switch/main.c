/* SPDX-License-Identifier: MIT */
/*
 * Hostile-guest test for stack switching, class E (XSA-215).
 * Invariant: whatever stack_switch is given, the hypervisor only ever
 * uses the stack pointer as a guest address to write the bounce frame
 * to, always enters the guest kernel on FLAT_KERNEL_SS, and never loads
 * the guest's SS value itself.
 *
 * As on Xen 4.17 (do_stack_switch takes anything and returns 0):
 *  - stack_switch returns 0 for SS 0, the hypervisor's 0xE008 and 0xE010,
 *    an LDT selector, 0xFFFF and a value above 16 bits, and for stack
 *    pointers 0, at the canonical boundary, in the hypervisor's range and
 *    non-canonical;
 *  - none of that changes how kernel-mode exceptions are delivered (on
 *    the interrupted stack);
 *  - with the hypervisor's SS and a stack pointer 8 bytes off alignment,
 *    a #BP from user mode is delivered on the recorded stack aligned down
 *    to 16 bytes, and the kernel runs with FLAT_KERNEL_SS.
 * A bounce from user mode onto an unusable stack ends the domain on both
 * hypervisors, so it is not tried here.
 */
#include <string.h>

#include "abi/pv64.h"
#include "gk/bad.h"
#include "gk/hypercall.h"
#include "gk/test.h"
#include "gk/traps.h"
#include "gk/user.h"
#include "gk/x86.h"

GK_TEST_INFO("hostile-stack-switch", "stack_switch with bad SS and SP");

#define N(a) (sizeof(a) / sizeof((a)[0]))

extern char user_int3[], user_int3_2[];
__asm__(".pushsection .text\n"
        "user_int3:\n"
        "    int3\n"
        "user_int3_2:\n"
        "    ud2\n"
        ".popsection");

static uint8_t user_stack[4096] __attribute__((aligned(16)));
static struct gk_user u;

static void expect_kernel_ud(const char *what)
{
    unsigned int before = gk_nr_traps;
    uint64_t sp;

    __asm__ volatile("mov %%rsp, %0; 1: ud2; 2:" GK_EXTABLE(1b, 2b)
                     : "=r"(sp));
    check_eq(gk_nr_traps, before + 1, what);
    check_eq(gk_last_trap.vector, X86_EXC_UD, what);
    check_eq(gk_last_trap.rsp, sp, what);
    check_eq(gk_last_trap.ss & 0xFFFF, FLAT_KERNEL_SS, what);
}

static void check_values(void)
{
    static const uint64_t ss[] = {
        0, 0xE008, 0xE010, 0x0007, 0xFFFF, 0x1234E02B, FLAT_KERNEL_SS & ~3,
    };
    static const uint64_t sp[] = {
        0, 8, 0x00007ffffffff000UL, 0x00007ffffffffff8UL,
        0x0000800000000000UL, 0xffff800000000000UL, GK_BAD_HYPERVISOR,
        GK_BAD_NONCANONICAL, GK_BAD_WRAP, ~0UL,
    };

    for (unsigned int i = 0; i < N(ss); i++)
        for (unsigned int j = 0; j < N(sp); j++)
            check_rc(HYPERVISOR_stack_switch(ss[i], sp[j]), 0,
                     "stack_switch");
    expect_kernel_ud("kernel #UD after hostile stack_switch");
}

static void check_user_bounce(void)
{
    uint64_t sp = gk_user_kernel_sp() - 8;
    unsigned int why;

    check_rc(HYPERVISOR_stack_switch(0xE008, sp), 0,
             "stack_switch(0xE008, misaligned stack)");
    memset(&u, 0, sizeof(u));
    u.regs.rip = (uint64_t)user_int3;
    u.regs.rsp = (uint64_t)user_stack + sizeof(user_stack);
    u.regs.rflags = X86_EFLAGS_MBS | X86_EFLAGS_IF;
    why = gk_user_run(&u);
    check_eq(why, X86_EXC_BP, "#BP from user mode");
    check_eq(u.regs.rip, (uint64_t)user_int3_2, "RIP after int3");
    check_eq(u.frame_va, (sp & ~15UL) - 7 * 8,
             "bounce frame below the 16-byte aligned stack");
}

int main(void)
{
    long rc;

    check_values();

    rc = gk_user_init();
    if (rc)
        test_error("setup: gk_user_init: %ld", rc);
    check_user_bounce();

    check_rc(HYPERVISOR_stack_switch(FLAT_KERNEL_SS, gk_user_kernel_sp()), 0,
             "stack_switch back");
    expect_kernel_ud("kernel #UD at the end");
    return 0;
}
