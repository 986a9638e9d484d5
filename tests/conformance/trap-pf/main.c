/* SPDX-License-Identifier: MIT */
/*
 * Pins #PF bounces from guest kernel mode: error code bits P/W/I as the
 * CPU reports them with U clear (guest kernel mode counts as supervisor),
 * RIP at the faulting instruction (the target for a fetch), and the
 * faulting address in vcpu_info[0].arch.cr2. Cases: read and write of an
 * unmapped page (0, 2), write to a read-only page-table page (3), call to
 * an unmapped address (0x10 with NX enabled).
 */
#include "gk/bad.h"
#include "gk/boot.h"
#include "gk/test.h"
#include "gk/traps.h"
#include "gk/x86.h"

GK_TEST_INFO("trap-pf", "#PF error codes and cr2");

/* A fetch fault has no instruction to skip: return as `ret` would. */
static bool fake_ret(struct gk_trap_frame *f)
{
    if (f->rip != GK_BAD_UNMAPPED)
        return false;
    f->rip = *(uint64_t *)f->rsp;
    f->rsp += 8;
    return true;
}

static void check_pf(const char *what, uint64_t rip, uint64_t addr,
                     uint64_t ec)
{
    gk_printf("%s: ec %#lx rip %#lx cr2 %#lx\n", what,
              gk_last_trap.error_code, gk_last_trap.rip,
              gk_shared_info->vcpu_info[0].arch.cr2);
    check_eq(gk_last_trap.vector, X86_EXC_PF, what);
    check_eq(gk_last_trap.error_code, ec, "error code");
    check_eq(gk_last_trap.rip, rip, "RIP");
    check_eq(gk_shared_info->vcpu_info[0].arch.cr2, addr, "cr2");
}

int main(void)
{
    uint64_t rip, pt = gk_start_info->pt_base;

    if (!gk_shared_info)
        test_error("shared_info could not be mapped");

    __asm__ volatile("lea 1f(%%rip), %0\n\t1: mov (%1), %%rax\n\t2:"
                     GK_EXTABLE(1b, 2b)
                     : "=&r"(rip) : "r"(GK_BAD_UNMAPPED + 0x123) : "rax");
    check_pf("read of an unmapped page", rip, GK_BAD_UNMAPPED + 0x123, 0);

    __asm__ volatile("lea 1f(%%rip), %0\n\t1: movb $1, (%1)\n\t2:"
                     GK_EXTABLE(1b, 2b)
                     : "=&r"(rip) : "r"(GK_BAD_UNMAPPED + 0x456) : "memory");
    check_pf("write of an unmapped page", rip, GK_BAD_UNMAPPED + 0x456,
             PFEC_WRITE);

    __asm__ volatile("lea 1f(%%rip), %0\n\t1: orq $0, 8(%1)\n\t2:"
                     GK_EXTABLE(1b, 2b)
                     : "=&r"(rip) : "r"(pt) : "memory", "cc");
    check_pf("write of a read-only page table", rip, pt + 8,
             PFEC_PRESENT | PFEC_WRITE);

    gk_trap_set_hook(X86_EXC_PF, fake_ret);
    __asm__ volatile("call *%0" :: "r"(GK_BAD_UNMAPPED)
                     : "rax", "rcx", "rdx", "rsi", "rdi", "r8", "r9", "r10",
                       "r11", "memory", "cc");
    check_pf("fetch from an unmapped page", GK_BAD_UNMAPPED, GK_BAD_UNMAPPED,
             PFEC_INSN);
    return 0;
}
