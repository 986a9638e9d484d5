/* SPDX-License-Identifier: MIT */
/*
 * Hostile-guest test 16 (TR-IRET), class E (XSA-7, XSA-202, XSA-44).
 * Invariant: whatever a guest writes into the frame of the iret
 * hypercall, it comes back at CPL 3 with IOPL 0, VM/VIF/VIP clear and IF
 * set, and anything the CPU refuses to return to (a non-canonical RIP, an
 * unusable CS or SS) becomes a fault of the guest's own, never a fault of
 * the hypervisor.
 *
 * An int3 hook edits the frame the guest-kit handler returns through the
 * iret hypercall, then the code after the int3 (or the next handler) looks
 * at what it got:
 *  - RFLAGS with IOPL=3, NT, AC, VM, RF, VIF, VIP and reserved bits: the
 *    guest resumes with IOPL 0, VIF/VIP clear, IF set; the next exception
 *    handler runs with NT, AC and TF clear and is shown IOPL 0;
 *  - CS/SS with RPL 0 or 1 (0xE030/0xE028, 0xE031/0xE029): RPL forced to
 *    3, the guest resumes with 0xE033/0xE02B;
 *  - a kernel-only canonical RIP inside the hypervisor's range: a #PF at
 *    that address (fetch, not user) bounced to the guest;
 *  - a non-canonical RIP (1 << 63, 1 << 47): #GP(0) with that RIP in the
 *    frame, which is what Xen 4.17 does (hv crashed the domain before);
 *  - CS 0xE008 (Xen's ring-0 code, DPL 0), CS 4 (LDT selector, no LDT) and
 *    SS 0xE008: the return faults; #GP with the selector as error code and
 *    the bad selector in the frame, as on Xen.
 * Not tested from inside, because they end the domain on both
 * hypervisors: an unreadable iret frame, and an RPL-3 CS without a user
 * page table (the switch to user mode has nowhere to go).
 */
#include "abi/pv64.h"
#include "gk/bad.h"
#include "gk/boot.h"
#include "gk/test.h"
#include "gk/traps.h"
#include "gk/x86.h"

GK_TEST_INFO("hostile-iret-frame", "sanitised iret frames");

#define FLAGS_HOSTILE (X86_EFLAGS_IOPL | X86_EFLAGS_NT | X86_EFLAGS_AC |    \
                       X86_EFLAGS_VM | X86_EFLAGS_RF | (1UL << 19) |        \
                       (1UL << 20) | (1UL << 22) | (1UL << 40))
#define FLAGS_VIF_VIP ((1UL << 19) | (1UL << 20))

/* What the next int3 does to its frame; cleared once used. */
static uint64_t set_flags, new_cs, new_ss, new_rip;
/* Flags the handler itself ran with (read by pushfq inside the hook). */
static volatile uint64_t handler_flags;
/* The fault a bad frame caused, as the guest's handler saw it. */
static struct gk_trap_frame fault;
static volatile unsigned int nr_faults;

extern char resume_point[];

static bool bp_hook(struct gk_trap_frame *f)
{
    __asm__ volatile("pushfq; pop %0" : "=r"(handler_flags));
    f->rflags |= set_flags;
    if (new_cs)
        f->cs = new_cs;
    if (new_ss)
        f->ss = new_ss;
    if (new_rip)
        f->rip = new_rip;
    set_flags = new_cs = new_ss = new_rip = 0;
    return true;
}

/* The bad frame came back as a fault: record it and resume sanely. */
static bool fault_hook(struct gk_trap_frame *f)
{
    fault = *f;
    nr_faults++;
    f->rip = (uint64_t)resume_point;
    f->cs = FLAT_KERNEL_CS & ~3UL;
    f->ss = FLAT_KERNEL_SS;
    f->rflags = X86_EFLAGS_MBS;
    return true;
}

/* The single step TF asked for: stop stepping. */
static bool db_hook(struct gk_trap_frame *f)
{
    f->rflags &= ~X86_EFLAGS_TF;
    return true;
}

struct after {
    uint64_t rflags, cs, ss;
};

/* int3 (whose hook applies the edit), then what the guest resumed with. */
static __attribute__((noinline)) struct after run(void)
{
    struct after a;

    __asm__ volatile("int3\n"
                     ".globl resume_point\n"
                     "resume_point:\n"
                     "pushfq; pop %0; mov %%cs, %1; mov %%ss, %2\n"
                     "push $0x2; popfq"
                     : "=r"(a.rflags), "=r"(a.cs), "=r"(a.ss) :: "memory");
    return a;
}

static void check_flags(void)
{
    struct after a;

    set_flags = FLAGS_HOSTILE;
    a = run();
    check_eq(a.rflags & X86_EFLAGS_IOPL, 0, "IOPL after iret with IOPL 3");
    check_eq(a.rflags & FLAGS_VIF_VIP, 0, "VIF/VIP after iret");
    check(a.rflags & X86_EFLAGS_IF, "IF clear after iret: %#lx", a.rflags);
    check_eq(a.cs, FLAT_KERNEL_CS, "cs after iret with hostile flags");

    /* Hostile flags again, then the next handler: how does it run? */
    set_flags = FLAGS_HOSTILE | X86_EFLAGS_TF;
    handler_flags = ~0UL;
    __asm__ volatile("int3\n"
                     "1: int3\n"
                     "2: push $0x2; popfq"
                     GK_EXTABLE(1b, 2b) ::: "memory");
    check_eq(handler_flags & (X86_EFLAGS_NT | X86_EFLAGS_AC | X86_EFLAGS_TF |
                              X86_EFLAGS_IOPL),
             0, "NT/AC/TF/IOPL in the next handler");
    __asm__ volatile("" ::: "memory");
    check_eq(gk_last_trap.rflags & X86_EFLAGS_IOPL, 0,
             "IOPL shown in the next bounce frame");
}

static void check_selectors(void)
{
    static const uint16_t cs[] = { 0xE030, 0xE031, 0xE032 };
    static const uint16_t ss[] = { 0xE028, 0xE029, 0xE02A };

    for (unsigned int i = 0; i < 3; i++) {
        struct after a;

        new_cs = cs[i];
        new_ss = ss[i];
        a = run();
        check_eq(a.cs, FLAT_KERNEL_CS, "cs after iret with a low RPL");
        check_eq(a.ss, FLAT_KERNEL_SS, "ss after iret with a low RPL");
    }
}

/* One bad frame: the guest must get exactly one fault of vector vec. */
static void expect_fault(const char *what, uint64_t rip, uint64_t cs,
                         uint64_t ss, unsigned int vec, uint64_t ec)
{
    unsigned int before = nr_faults;

    new_rip = rip;
    new_cs = cs;
    new_ss = ss;
    run();
    __asm__ volatile("" ::: "memory");
    if (nr_faults != before + 1) {
        gk_check_failed(__FILE__, __LINE__, "%s: %u faults, want 1", what,
                        nr_faults - before);
        return;
    }
    check_eq(fault.vector, vec, what);
    check_eq(fault.error_code, ec, what);
    if (rip)
        check_eq(fault.rip, rip, what);
    else
        check_eq(fault.rip, (uint64_t)resume_point, what);
    if (cs)
        check_eq(fault.cs & 0xFFFF, cs & ~3UL, what);
    if (ss)
        check_eq(fault.ss & 0xFFFF, ss | 3, what);
}

int main(void)
{
    gk_trap_set_hook(X86_EXC_BP, bp_hook);
    gk_trap_set_hook(X86_EXC_GP, fault_hook);
    gk_trap_set_hook(X86_EXC_PF, fault_hook);
    gk_trap_set_hook(X86_EXC_DB, db_hook);

    check_flags();
    check_selectors();

    expect_fault("rip in the hypervisor's range", GK_BAD_HYPERVISOR, 0, 0,
                 X86_EXC_PF, 0x11);
    if (gk_shared_info)
        check_eq(gk_shared_info->vcpu_info[0].arch.cr2, GK_BAD_HYPERVISOR,
                 "cr2 of the fetch fault");
    expect_fault("rip 1 << 63", GK_BAD_NONCANONICAL, 0, 0, X86_EXC_GP, 0);
    expect_fault("rip 1 << 47", 0x0000800000000000UL, 0, 0, X86_EXC_GP, 0);
    expect_fault("cs 0xE008 (DPL 0)", 0, 0xE008, 0, X86_EXC_GP, 0xE008);
    expect_fault("cs 4 (no LDT)", 0, 4, 0, X86_EXC_GP, 4);
    expect_fault("ss 0xE008 (DPL 0)", 0, 0, 0xE008, X86_EXC_GP, 0xE008);

    /* Still alive and sane. */
    check_selectors();
    return 0;
}
