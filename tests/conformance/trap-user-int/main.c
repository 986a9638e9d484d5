/* SPDX-License-Identifier: MIT */
/*
 * Pins software interrupts from guest user mode (reference §6.1): `int
 * $n` through a DPL-0 gate of the real IDT is delivered to the guest's
 * trap_info[n] only if that entry has DPL 3 (user mode is ring 3 to the
 * guest), as vector n with RIP after the instruction, no error code and
 * CS 0xE033 (user context); with DPL 0, 1 or 2 it becomes #GP with
 * error code n * 8 + 2 at the instruction. Vector 0 stands for all of
 * them: QEMU before 8.0 reports the #GP error code as n * 16 + 2, which
 * only n = 0 leaves unchanged (trap-soft-int covers other vectors from
 * kernel mode). `int $0x80` is a DPL-3 gate in the real IDT: it reaches
 * trap_info[0x80] whatever that entry's DPL, as Xen's int80 fast path
 * does. `int3` (DPL 3 in guest-kit's table) arrives as #BP after the
 * instruction.
 */
#include <string.h>

#include "abi/pv64.h"
#include "gk/test.h"
#include "gk/user.h"
#include "gk/x86.h"

GK_TEST_INFO("trap-user-int", "int $n from user mode and trap_info DPL");

/* User code: one instruction each; the label after it ends with a 2. */
extern char user_int0[], user_int0_2[], user_int80[], user_int80_2[],
    user_int3[], user_int3_2[];
__asm__(".pushsection .text\n"
        "user_int0:\n"
        "    int $0\n"
        "user_int0_2:\n"
        "    ud2\n"
        "user_int80:\n"
        "    int $0x80\n"
        "user_int80_2:\n"
        "    ud2\n"
        "user_int3:\n"
        "    int3\n"
        "user_int3_2:\n"
        "    ud2\n"
        ".popsection");

static uint8_t user_stack[4096] __attribute__((aligned(16)));

static struct gk_user u;

static unsigned int run_at(const char *code)
{
    memset(&u, 0, sizeof(u));
    u.regs.rip = (uint64_t)code;
    u.regs.rsp = (uint64_t)user_stack + sizeof(user_stack);
    u.regs.rflags = X86_EFLAGS_MBS | X86_EFLAGS_IF;
    return gk_user_run(&u);
}

static void expect_delivered(unsigned int why, unsigned int vec,
                             const char *after, const char *what)
{
    check_eq(why, vec, what);
    check_eq(u.regs.rip, (uint64_t)after, "RIP after the instruction");
    check_eq(u.regs.error_code, 0, "no error code");
    check_eq(u.regs.cs & 0xFFFF, FLAT_USER_CS, "CS (user context)");
    check_eq(u.frame_va, gk_user_kernel_sp() - 7 * 8, "frame of 7 slots");
}

static void expect_gp(unsigned int why, unsigned int vec, const char *code,
                      const char *what)
{
    check_eq(why, X86_EXC_GP, what);
    check_eq(u.regs.rip, (uint64_t)code, "RIP at the int");
    check_eq(u.regs.error_code, vec * 8 + 2, "#GP error code");
    check_eq(u.regs.cs & 0xFFFF, FLAT_USER_CS, "CS (user context)");
}

int main(void)
{
    long rc;

    rc = gk_user_init();
    if (rc)
        test_error("setup: gk_user_init: %ld", rc);

    for (unsigned int dpl = 0; dpl < 3; dpl++) {
        check_rc(gk_user_set_vector(0, dpl), 0, "vector 0 below DPL 3");
        expect_gp(run_at(user_int0), 0, user_int0, "int $0 below DPL 3");
    }
    check_rc(gk_user_set_vector(0, 3), 0, "vector 0 DPL 3");
    expect_delivered(run_at(user_int0), 0, user_int0_2, "int $0 at DPL 3");

    check_rc(gk_user_set_vector(0x80, 3), 0, "vector 0x80 DPL 3");
    expect_delivered(run_at(user_int80), 0x80, user_int80_2,
                     "int $0x80 at DPL 3");
    check_rc(gk_user_set_vector(0x80, 0), 0, "vector 0x80 DPL 0");
    expect_delivered(run_at(user_int80), 0x80, user_int80_2,
                     "int $0x80 at DPL 0");

    expect_delivered(run_at(user_int3), X86_EXC_BP, user_int3_2, "int3");
    return 0;
}
