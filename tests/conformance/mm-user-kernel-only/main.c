/* SPDX-License-Identifier: MIT */
/*
 * Pins the kernel/user page-table split (reference §5.7, §6.6): every PV
 * guest page is a user page to the CPU, so kernel memory is hidden from
 * user mode only by leaving it out of the user L4. With a pinned copy of
 * the kernel L4 as user table (MMUEXT_NEW_USER_BASEPTR) that lacks slot
 * 1 and has its own slot 2: a page under slot 1 reads in kernel mode and
 * faults in user mode (#PF, error code 4, cr2 its address), even right
 * after the kernel touched it; a page under slot 2 reads in user mode
 * and faults in kernel mode (error code 0). With the kernel L4 as user
 * table again, user mode reaches the slot-1 page.
 */
#include <string.h>

#include "abi/pv64.h"
#include "gk/mm.h"
#include "gk/test.h"
#include "gk/user.h"
#include "gk/x86.h"

GK_TEST_INFO("mm-user-kernel-only", "kernel-only and user-only pages by L4");

#define KERNEL_VA (1UL << 39)    /* L4 slot 1 */
#define USER_VA   (2UL << 39)    /* L4 slot 2 */

/* User code: rax = *(rdi), then syscall. */
extern char user_read[];
__asm__(".pushsection .text\n"
        "user_read:\n"
        "    mov (%rdi), %rax\n"
        "    syscall\n"
        "    ud2\n"
        ".popsection");

static uint8_t user_stack[4096] __attribute__((aligned(16)));

/*
 * A new L3 -> L2 -> L1 chain mapping one data page holding value at VA
 * 0 of the chain. Returns the L3 (still untyped) for an L4 slot.
 */
static uint64_t build_chain(uint64_t value)
{
    uint64_t l3 = gk_mm_alloc(), l2 = gk_mm_alloc(), l1 = gk_mm_alloc();
    uint64_t data = gk_mm_alloc();
    uint64_t *p = gk_mm_map_or_die(0, data, GK_PT_DATA);

    *p = value;
    gk_mm_unmap(0);
    /* Untyped frames take plain writes; linking validates them. */
    if (gk_mm_write(l1, 0, (data << PAGE_SHIFT) | GK_PT_DATA) ||
        gk_mm_write(l2, 0, (l1 << PAGE_SHIFT) | GK_PT_TABLE) ||
        gk_mm_write(l3, 0, (l2 << PAGE_SHIFT) | GK_PT_TABLE))
        test_error("setup: building a table chain failed");
    return l3;
}

static unsigned int user_reads(uint64_t va, struct gk_user *u)
{
    memset(u, 0, sizeof(*u));
    u->regs.rip = (uint64_t)user_read;
    u->regs.rsp = (uint64_t)user_stack + sizeof(user_stack);
    u->regs.rflags = X86_EFLAGS_MBS | X86_EFLAGS_IF;
    u->regs.rdi = va;
    return gk_user_run(u);
}

int main(void)
{
    const uint64_t kval = 0x4B4B4B4B00000001UL, uval = 0x5555555500000002UL;
    uint64_t omit[8] = { 1UL << 1 };
    uint64_t kl3, ul3, user_l4, val;
    struct gk_user u;
    long rc;

    rc = gk_user_init();
    if (rc)
        test_error("setup: gk_user_init: %ld", rc);
    check_rc(gk_user_set_syscall(0), 0, "syscall callback");

    kl3 = build_chain(kval);
    ul3 = build_chain(uval);
    check_rc(gk_mm_write(gk_mm_l4_mfn(), 1, (kl3 << PAGE_SHIFT) | GK_PT_TABLE),
             0, "kernel L4 slot 1");
    user_l4 = gk_user_clone_l4(omit);
    check_rc(gk_mm_write(user_l4, 2, (ul3 << PAGE_SHIFT) | GK_PT_TABLE), 0,
             "user L4 slot 2");
    check_rc(gk_user_set_table(user_l4), 0, "NEW_USER_BASEPTR the copy");

    /* Kernel mode: slot 1 there (and now in the TLB), slot 2 absent. */
    check(gk_mm_try_read(KERNEL_VA, &val) && val == kval,
          "kernel reads its page");
    check(!gk_mm_try_read(USER_VA, &val), "kernel cannot read the user page");
    check_eq(gk_last_trap.error_code, 0, "kernel #PF error code");

    check_eq(user_reads(KERNEL_VA, &u), X86_EXC_PF, "user reads slot 1");
    check_eq(u.regs.error_code, PFEC_USER, "user #PF error code");
    check_eq(u.cr2, KERNEL_VA, "cr2");
    check_eq(u.regs.cs & 0xFFFF, FLAT_USER_CS, "CS (user context)");

    check_eq(user_reads(USER_VA, &u), GK_USER_SYSCALL, "user reads slot 2");
    check_eq(u.regs.rax, uval, "value of the user-only page");
    /* Back in kernel mode the kernel table is live again. */
    check(gk_mm_try_read(KERNEL_VA, &val) && val == kval,
          "kernel reads its page after user mode");

    check_rc(gk_user_set_table(gk_mm_l4_mfn()), 0, "kernel L4 as user L4");
    check_eq(user_reads(KERNEL_VA, &u), GK_USER_SYSCALL,
             "user reads slot 1 through the kernel L4");
    check_eq(u.regs.rax, kval, "value of the slot-1 page");
    return 0;
}
