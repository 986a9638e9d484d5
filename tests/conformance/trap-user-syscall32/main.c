/* SPDX-License-Identifier: MIT */
/*
 * Pins `syscall` from 32-bit (compatibility-mode) user code of a 64-bit
 * PV guest (reference §6.4): entered through the iret hypercall with CS
 * FLAT_USER_CS32 (0xE023), the `syscall` bounces to the syscall32
 * callback, not the 64-bit one, with RCX = the return address, CS 0xE023
 * (32-bit user context), SS 0xE02B and RSP the user esp.
 */
#include <string.h>

#include "abi/pv64.h"
#include "gk/test.h"
#include "gk/user.h"
#include "gk/x86.h"

GK_TEST_INFO("trap-user-syscall32", "32-bit user syscall to syscall32");

extern char user32_syscall[], user32_after[];
__asm__(".pushsection .text\n"
        ".code32\n"
        "user32_syscall:\n"
        "    syscall\n"
        "user32_after:\n"
        "    ud2\n"
        ".code64\n"
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
    if (rsp >> 32 || (uint64_t)user32_syscall >> 32)
        test_error("setup: 32-bit code or stack above 4 GiB");
    check_rc(gk_user_set_syscall(0), 0, "syscall callback");
    check_rc(gk_user_set_syscall32(0), 0, "syscall32 callback");

    memset(&u, 0, sizeof(u));
    u.regs.rip = (uint64_t)user32_syscall;
    u.regs.cs = FLAT_USER_CS32;
    u.regs.ss = FLAT_RING3_SS32;
    u.regs.rsp = rsp;
    u.regs.rflags = X86_EFLAGS_MBS | X86_EFLAGS_IF;
    why = gk_user_run(&u);
    gk_printf("exit %#x rip %#lx rcx %#lx cs %#lx ss %#lx rsp %#lx\n", why,
              u.regs.rip, u.regs.rcx, u.regs.cs, u.regs.ss, u.regs.rsp);
    check_eq(why, GK_USER_SYSCALL32, "exit reason (0x101 = syscall32)");
    check_eq(u.regs.rcx, (uint64_t)user32_after, "RCX: user return address");
    check_eq(u.regs.rip, (uint64_t)user32_after, "RIP");
    check_eq(u.regs.cs & 0xFFFF, FLAT_USER_CS32, "CS (32-bit user context)");
    check_eq(u.regs.ss, FLAT_RING3_SS32, "SS");
    check_eq(u.regs.rsp, rsp, "RSP");
    return 0;
}
