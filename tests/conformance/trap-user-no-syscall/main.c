/* SPDX-License-Identifier: MIT */
/*
 * Pins a user-mode `syscall` with no syscall callback registered
 * (reference §6.4): the guest kernel gets #UD at the `syscall`
 * instruction itself (RIP not advanced), no error code, CS 0xE033 (user
 * context), RSP the user rsp, on the stack_switch stack. Once a callback
 * is registered, the same instruction reaches it.
 */
#include <string.h>

#include "abi/pv64.h"
#include "gk/test.h"
#include "gk/user.h"
#include "gk/x86.h"

GK_TEST_INFO("trap-user-no-syscall", "user syscall without a callback: #UD");

extern char user_syscall[], user_after[];
__asm__(".pushsection .text\n"
        "user_syscall:\n"
        "    syscall\n"
        "user_after:\n"
        "    ud2\n"
        ".popsection");

static uint8_t user_stack[4096] __attribute__((aligned(16)));

int main(void)
{
    const uint64_t rsp = (uint64_t)user_stack + sizeof(user_stack) - 16;
    struct gk_user u;
    unsigned int why;
    long rc;

    rc = gk_user_init();
    if (rc)
        test_error("setup: gk_user_init: %ld", rc);

    memset(&u, 0, sizeof(u));
    u.regs.rip = (uint64_t)user_syscall;
    u.regs.rsp = rsp;
    u.regs.rflags = X86_EFLAGS_MBS | X86_EFLAGS_IF;
    why = gk_user_run(&u);
    check_eq(why, X86_EXC_UD, "exit reason without a callback");
    check_eq(u.regs.rip, (uint64_t)user_syscall, "RIP at the syscall");
    check_eq(u.regs.error_code, 0, "no error code");
    check_eq(u.regs.cs & 0xFFFF, FLAT_USER_CS, "CS (user context)");
    check_eq(u.regs.rsp, rsp, "RSP");
    check_eq(u.frame_va, gk_user_kernel_sp() - 7 * 8,
             "frame at the top of the stack_switch stack");

    check_rc(gk_user_set_syscall(0), 0, "register the syscall callback");
    why = gk_user_run(&u);
    check_eq(why, GK_USER_SYSCALL, "exit reason with a callback");
    check_eq(u.regs.rip, (uint64_t)user_after, "RIP after the syscall");
    return 0;
}
