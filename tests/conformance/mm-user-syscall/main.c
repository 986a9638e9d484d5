/* SPDX-License-Identifier: MIT */
/*
 * Pins a `syscall` from guest user mode (reference §6.4, §6.6): entered
 * through the iret hypercall with a ring-3 CS, user code's `syscall`
 * switches to kernel mode and bounces to the syscall callback on the
 * stack given to stack_switch (frame at its 16-byte aligned top: RCX,
 * R11, RIP, CS, RFLAGS, RSP, SS). RCX and RIP are the user return
 * address, R11 and RFLAGS the user rflags, CS 0xE033 (RPL 3: user
 * context) with saved mask 0, RSP the user rsp, SS 0xE02B; every other
 * GPR is as user code left it, including the rax the iret restored. The
 * upcall mask is left alone by a callback registered without
 * CALLBACKF_mask_events and set with it.
 */
#include <string.h>

#include "abi/callback.h"
#include "abi/pv64.h"
#include "gk/test.h"
#include "gk/user.h"
#include "gk/x86.h"

GK_TEST_INFO("mm-user-syscall", "user-mode syscall to the syscall callback");

/* User code: nothing but the syscall, made again when resumed. */
extern char user_syscall[], user_after[];
__asm__(".pushsection .text\n"
        "user_syscall:\n"
        "    syscall\n"
        "user_after:\n"
        "    jmp user_syscall\n"
        ".popsection");

static uint8_t user_stack[4096] __attribute__((aligned(16)));

/* Distinct values for every GPR (index 0 = r15 ... 14 = rdi). */
static uint64_t pattern(unsigned int i)
{
    return 0x5A5A000000000000UL | (uint64_t)(i + 1) << 32 | (i + 1) * 0x111;
}

static void set_gprs(struct gk_trap_frame *r)
{
    uint64_t *g = &r->r15;

    for (unsigned int i = 0; i < 15; i++)
        g[i] = pattern(i);
}

/* Every GPR but rcx (index 11) and r11 (index 6) as entered. */
static void check_gprs(const struct gk_trap_frame *r)
{
    static const char *const names[15] = {
        "r15", "r14", "r13", "r12", "rbp", "rbx", "r11", "r10",
        "r9", "r8", "rax", "rcx", "rdx", "rsi", "rdi",
    };
    const uint64_t *g = &r->r15;

    for (unsigned int i = 0; i < 15; i++)
        if (i != 6 && i != 11)
            check_eq(g[i], pattern(i), names[i]);
}

int main(void)
{
    const uint64_t rflags = X86_EFLAGS_MBS | X86_EFLAGS_IF | X86_EFLAGS_CF;
    const uint64_t rsp = (uint64_t)user_stack + sizeof(user_stack) - 64;
    struct gk_user u;
    unsigned int why;
    long rc;

    rc = gk_user_init();
    if (rc)
        test_error("setup: gk_user_init: %ld", rc);
    check_rc(gk_user_set_syscall(0), 0, "syscall callback, no mask flag");

    memset(&u, 0, sizeof(u));
    set_gprs(&u.regs);
    u.regs.rip = (uint64_t)user_syscall;
    u.regs.rsp = rsp;
    u.regs.rflags = rflags;
    why = gk_user_run(&u);
    check_eq(why, GK_USER_SYSCALL, "exit reason (0x100 = syscall callback)");
    check_eq(u.regs.rcx, (uint64_t)user_after, "RCX: user return address");
    check_eq(u.regs.r11, rflags, "R11: user rflags");
    check_eq(u.regs.rip, (uint64_t)user_after, "RIP");
    check_eq(u.regs.cs & 0xFFFF, FLAT_USER_CS, "CS (user context)");
    check_eq((u.regs.cs >> 32) & 0xFF, 0, "saved upcall mask");
    check_eq(u.regs.rflags, rflags, "RFLAGS");
    check_eq(u.regs.rsp, rsp, "RSP: the user rsp");
    check_eq(u.regs.ss, FLAT_USER_SS, "SS");
    check_gprs(&u.regs);
    check_eq(u.frame_va, gk_user_kernel_sp() - 7 * 8,
             "frame at the top of the stack_switch stack");
    check_eq(u.mask_at_exit, 0, "upcall mask without CALLBACKF_mask_events");

    /* Resume after the syscall; the user code makes it again. */
    check_rc(gk_user_set_syscall(CALLBACKF_mask_events), 0,
             "syscall callback with CALLBACKF_mask_events");
    set_gprs(&u.regs);
    u.regs.rflags = rflags;
    u.iret_flags = VGCF_in_syscall;
    why = gk_user_run(&u);
    check_eq(why, GK_USER_SYSCALL, "second exit reason");
    check_eq(u.regs.rip, (uint64_t)user_after, "second RIP");
    check_eq(u.regs.rcx, (uint64_t)user_after, "second RCX");
    check_eq((u.regs.cs >> 32) & 0xFF, 0, "second saved upcall mask");
    check_eq(u.regs.rflags, rflags, "second RFLAGS");
    check_eq(u.frame_va, gk_user_kernel_sp() - 7 * 8, "second frame");
    check_eq(u.mask_at_exit, 1, "upcall mask with CALLBACKF_mask_events");
    return 0;
}
