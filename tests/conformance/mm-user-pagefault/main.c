/* SPDX-License-Identifier: MIT */
/*
 * Pins #PF from guest user mode (reference §6.1, §6.2, §6.6): the fault
 * switches to kernel mode and bounces on the stack_switch stack (frame
 * of 8 slots at its 16-byte aligned top) with the CPU's error code,
 * U bit (4) included: read of an unmapped page 4, write 6, write to a
 * read-only page 7, fetch from an unmapped page 0x14; the faulting
 * address in vcpu_info[0].arch.cr2; RIP at the faulting instruction (the
 * target of a fetch); CS 0xE033 (RPL 3: user context), RSP the user rsp,
 * SS 0xE02B. The same read from guest kernel mode has U clear and CS
 * 0xE030.
 */
#include <string.h>

#include "abi/pv64.h"
#include "gk/bad.h"
#include "gk/boot.h"
#include "gk/mm.h"
#include "gk/test.h"
#include "gk/user.h"
#include "gk/x86.h"

GK_TEST_INFO("mm-user-pagefault", "user-mode #PF: error code, cr2, CS");

/* User code: rdi = the address; each faults on its first instruction. */
extern char user_read[], user_write[], user_fetch[];
__asm__(".pushsection .text\n"
        "user_read:\n"
        "    mov (%rdi), %rax\n"
        "    ud2\n"
        "user_write:\n"
        "    movb $1, (%rdi)\n"
        "    ud2\n"
        "user_fetch:\n"
        "    jmp *%rdi\n"
        ".popsection");

static uint8_t user_stack[4096] __attribute__((aligned(16)));

static void user_pf(const char *what, const char *code, uint64_t addr,
                    uint64_t rip, uint64_t ec)
{
    const uint64_t rsp = (uint64_t)user_stack + sizeof(user_stack) - 32;
    struct gk_user u;
    unsigned int why;

    memset(&u, 0, sizeof(u));
    u.regs.rip = (uint64_t)code;
    u.regs.rsp = rsp;
    u.regs.rflags = X86_EFLAGS_MBS | X86_EFLAGS_IF;
    u.regs.rdi = addr;
    why = gk_user_run(&u);
    gk_printf("%s: vector %u ec %#lx rip %#lx cs %#lx cr2 %#lx\n", what, why,
              u.regs.error_code, u.regs.rip, u.regs.cs, u.cr2);
    check_eq(why, X86_EXC_PF, what);
    check_eq(u.regs.error_code, ec, "error code");
    check_eq(u.cr2, addr, "cr2 in vcpu_info");
    check_eq(u.regs.rip, rip, "RIP");
    check_eq(u.regs.cs & 0xFFFF, FLAT_USER_CS, "CS (user context)");
    check_eq(u.regs.rsp, rsp, "RSP");
    check_eq(u.regs.ss, FLAT_USER_SS, "SS");
    check_eq(u.regs.rdi, addr, "rdi kept");
    check_eq(u.frame_va, gk_user_kernel_sp() - 8 * 8,
             "frame at the top of the stack_switch stack");
}

int main(void)
{
    const uint64_t bad = GK_BAD_UNMAPPED;
    const uint64_t pt = gk_start_info->pt_base;
    uint64_t val;
    long rc;

    if (!gk_shared_info)
        test_error("shared_info could not be mapped");
    rc = gk_user_init();
    if (rc)
        test_error("setup: gk_user_init: %ld", rc);

    user_pf("user read of an unmapped page", user_read, bad + 0x120,
            (uint64_t)user_read, PFEC_USER);
    user_pf("user write of an unmapped page", user_write, bad + 0x340,
            (uint64_t)user_write, PFEC_USER | PFEC_WRITE);
    user_pf("user write of a read-only page", user_write, pt + 16,
            (uint64_t)user_write, PFEC_USER | PFEC_WRITE | PFEC_PRESENT);
    user_pf("user fetch from an unmapped page", user_fetch, bad + 0x560,
            bad + 0x560, PFEC_USER | PFEC_INSN);

    /* The kernel's own fault: no U bit, kernel context in CS. */
    check(!gk_mm_try_read(bad + 0x780, &val), "kernel read faulted");
    check_eq(gk_last_trap.vector, X86_EXC_PF, "kernel read: vector");
    check_eq(gk_last_trap.error_code, 0, "kernel read: error code");
    check_eq(gk_last_trap.cs & 0xFFFF, FLAT_KERNEL_CS & ~3,
             "kernel read: CS (kernel context)");
    return 0;
}
