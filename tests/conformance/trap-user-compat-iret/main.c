/* SPDX-License-Identifier: MIT */
/*
 * Pins the iret hypercall into 32-bit (compatibility-mode) user code of
 * a 64-bit PV guest (reference §6.3): a frame with CS FLAT_USER_CS32
 * (0xE023) runs the code as 32-bit code, with flags 0 (IRET) and with
 * VGCF_in_syscall (SYSRET, which returns to 32-bit code for that CS),
 * and its exceptions bounce with CS 0xE023 in the frame. The user code
 * tells the modes apart by byte 0x48: `dec %eax` in 32-bit code, a REX
 * prefix in 64-bit code.
 */
#include <string.h>

#include "abi/pv64.h"
#include "gk/test.h"
#include "gk/user.h"
#include "gk/x86.h"

GK_TEST_INFO("trap-user-compat-iret", "iret into 32-bit user code");

/* eax = 0, then 48 90: 32-bit `dec %eax; nop`, 64-bit `rex.W nop`. */
extern char user_mode_probe[], user_probe_ud[];
__asm__(".pushsection .text\n"
        ".code32\n"
        "user_mode_probe:\n"
        "    xor %eax, %eax\n"
        "    .byte 0x48, 0x90\n"
        "user_probe_ud:\n"
        "    ud2\n"
        ".code64\n"
        ".popsection");

static uint8_t user_stack[4096] __attribute__((aligned(16)));

static void probe(uint64_t flags, const char *what)
{
    const uint64_t rsp = (uint64_t)user_stack + sizeof(user_stack) - 16;
    struct gk_user u;
    unsigned int why;

    memset(&u, 0, sizeof(u));
    u.regs.rip = (uint64_t)user_mode_probe;
    u.regs.cs = FLAT_USER_CS32;
    u.regs.ss = FLAT_RING3_SS32;
    u.regs.rsp = rsp;
    u.regs.rflags = X86_EFLAGS_MBS | X86_EFLAGS_IF;
    u.regs.rax = 0x1234;
    u.iret_flags = flags;
    why = gk_user_run(&u);
    gk_printf("%s: vector %u rip %#lx cs %#lx rax %#lx\n", what, why,
              u.regs.rip, u.regs.cs, u.regs.rax);
    check_eq(why, X86_EXC_UD, what);
    check_eq(u.regs.rip, (uint64_t)user_probe_ud, "RIP at the ud2");
    check_eq(u.regs.cs & 0xFFFF, FLAT_USER_CS32, "CS (32-bit user context)");
    check_eq(u.regs.rax & 0xFFFFFFFF, 0xFFFFFFFF, "0x48 ran as dec %eax");
    check_eq(u.regs.rsp, rsp, "RSP");
}

int main(void)
{
    long rc;

    rc = gk_user_init();
    if (rc)
        test_error("setup: gk_user_init: %ld", rc);
    if ((uint64_t)user_mode_probe >> 32 ||
        ((uint64_t)user_stack + sizeof(user_stack)) >> 32)
        test_error("setup: 32-bit code or stack above 4 GiB");
    probe(0, "iret (flags 0) to CS 0xE023");
    probe(VGCF_in_syscall, "iret (VGCF_in_syscall) to CS 0xE023");
    return 0;
}
