/* SPDX-License-Identifier: MIT */
/*
 * Pins fpu_taskswitch and #NM: after fpu_taskswitch(1) the next x87
 * instruction raises #NM, bounced to vector 7 at that instruction with no
 * error code; the hypervisor clears TS before bouncing, so simply
 * re-running the instruction succeeds (exactly one #NM). After
 * fpu_taskswitch(0) no #NM happens. A guest reading CR0 sees TS follow.
 */
#include "gk/hypercall.h"
#include "gk/test.h"
#include "gk/traps.h"
#include "gk/x86.h"

GK_TEST_INFO("trap-nm", "fpu_taskswitch and #NM");

static unsigned int nr_nm;
static uint64_t nm_rip;

/* Return to the faulting instruction: TS is already clear. */
static bool retry(struct gk_trap_frame *f)
{
    nr_nm++;
    nm_rip = f->rip;
    return true;
}

static uint64_t read_cr0(void)
{
    uint64_t cr0;

    __asm__ volatile("mov %%cr0, %0" : "=r"(cr0));
    return cr0;
}

int main(void)
{
    uint64_t rip;

    gk_trap_set_hook(X86_EXC_NM, retry);

    check_rc(HYPERVISOR_fpu_taskswitch(1), 0, "fpu_taskswitch(1)");
    check(read_cr0() & 8, "CR0.TS clear after fpu_taskswitch(1)");
    __asm__ volatile("lea 1f(%%rip), %0\n\t1: fninit" : "=r"(rip));
    check_eq(nr_nm, 1, "#NM count after fpu_taskswitch(1)");
    check_eq(nm_rip, rip, "#NM RIP");
    check_eq(gk_last_trap.vector, X86_EXC_NM, "vector");
    check_eq(gk_last_trap.error_code, 0, "error code");
    check(!(read_cr0() & 8), "CR0.TS still set after the #NM");

    check_rc(HYPERVISOR_fpu_taskswitch(0), 0, "fpu_taskswitch(0)");
    __asm__ volatile("fninit");
    check_eq(nr_nm, 1, "#NM count after fpu_taskswitch(0)");

    check_rc(HYPERVISOR_fpu_taskswitch(1), 0, "fpu_taskswitch(1) again");
    check_rc(HYPERVISOR_fpu_taskswitch(0), 0, "fpu_taskswitch(0) again");
    __asm__ volatile("fninit");
    check_eq(nr_nm, 1, "#NM count after set and clear");
    return 0;
}
