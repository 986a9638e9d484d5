/* SPDX-License-Identifier: MIT */
/*
 * Pins the iret hypercall into user mode (reference §6.3): with flags
 * VGCF_in_syscall the user code resumes with rcx = the frame's RIP and
 * r11 = its RFLAGS (IF forced on), as SYSRET leaves them, whatever the
 * frame's RCX/R11 slots hold; with flags 0 rcx and r11 come from those
 * slots. Either way rax comes from the frame, rflags from its RFLAGS
 * (arithmetic flags kept, real IF always 1) and the upcall mask becomes
 * !IF: a frame with IF clear runs user mode masked, which the next
 * bounce shows as saved mask 1 and IF clear in the frame's RFLAGS.
 */
#include <string.h>

#include "abi/pv64.h"
#include "gk/test.h"
#include "gk/user.h"
#include "gk/x86.h"

GK_TEST_INFO("trap-user-sysret", "iret to user mode, VGCF_in_syscall or not");

/*
 * User code: syscall; after it, keep what the return left in rcx, r11,
 * rflags and rax in r12, r13, r14, r15, and make the syscall again.
 */
extern char user_loop[], user_after[];
__asm__(".pushsection .text\n"
        "user_loop:\n"
        "    syscall\n"
        "user_after:\n"
        "    mov %rcx, %r12\n"
        "    mov %r11, %r13\n"
        "    pushfq\n"
        "    pop %r14\n"
        "    mov %rax, %r15\n"
        "    jmp user_loop\n"
        ".popsection");

static uint8_t user_stack[4096] __attribute__((aligned(16)));

/* Resume u after its syscall with these rcx/r11 slots and rflags. */
static void resume(struct gk_user *u, uint64_t flags, uint64_t rflags)
{
    u->iret_flags = flags;
    u->regs.rcx = 0x1C1C1C1C1C1C1C1CUL;
    u->regs.r11 = 0x1111111111111111UL;
    u->regs.rax = 0xAAAA0000AAAA0000UL;
    u->regs.rflags = rflags;
    check_eq(gk_user_run(u), GK_USER_SYSCALL, "back by syscall");
    check_eq(u->regs.rip, (uint64_t)user_after, "frame RIP");
    check_eq(u->regs.r15, 0xAAAA0000AAAA0000UL, "rax from the frame");
}

int main(void)
{
    const uint64_t base = X86_EFLAGS_MBS | X86_EFLAGS_CF | X86_EFLAGS_OF;
    struct gk_user u;
    long rc;

    rc = gk_user_init();
    if (rc)
        test_error("setup: gk_user_init: %ld", rc);
    check_rc(gk_user_set_syscall(0), 0, "syscall callback");

    memset(&u, 0, sizeof(u));
    u.regs.rip = (uint64_t)user_loop;
    u.regs.rsp = (uint64_t)user_stack + sizeof(user_stack);
    u.regs.rflags = base | X86_EFLAGS_IF;
    check_eq(gk_user_run(&u), GK_USER_SYSCALL, "first syscall");

    resume(&u, VGCF_in_syscall, base | X86_EFLAGS_IF);
    check_eq(u.regs.r12, (uint64_t)user_after, "SYSRET-style rcx = rip");
    check_eq(u.regs.r13, base | X86_EFLAGS_IF, "SYSRET-style r11 = rflags");
    check_eq(u.regs.r14, base | X86_EFLAGS_IF, "rflags in user mode");
    check_eq(u.mask_at_exit, 0, "upcall mask after an IF=1 frame");

    resume(&u, 0, base | X86_EFLAGS_IF);
    check_eq(u.regs.r12, 0x1C1C1C1C1C1C1C1CUL, "IRET-style rcx from frame");
    check_eq(u.regs.r13, 0x1111111111111111UL, "IRET-style r11 from frame");
    check_eq(u.regs.r14, base | X86_EFLAGS_IF, "rflags in user mode");

    /* IF clear: user mode runs with events masked; real IF stays 1. */
    resume(&u, VGCF_in_syscall, base);
    check_eq(u.regs.r13, base | X86_EFLAGS_IF, "r11: IF forced on");
    check_eq(u.regs.r14, base | X86_EFLAGS_IF, "real IF in user mode");
    check_eq(u.mask_at_exit, 1, "upcall mask after an IF=0 frame");
    check_eq((u.regs.cs >> 32) & 0xFF, 1, "saved upcall mask in the frame");
    check_eq(u.regs.rflags & X86_EFLAGS_IF, 0, "frame RFLAGS.IF = !mask");

    resume(&u, 0, base);
    check_eq(u.regs.r14, base | X86_EFLAGS_IF, "real IF in user mode (IRET)");
    check_eq(u.mask_at_exit, 1, "upcall mask after an IF=0 frame (IRET)");
    return 0;
}
