/* SPDX-License-Identifier: MIT */
/*
 * Pins set_trap_table: an array ended by address 0 replaces only the
 * vectors it names (re-installing #UD leaves #BP working); a
 * non-canonical handler address returns -EINVAL; an unreadable array
 * returns -EFAULT; an empty array (first entry address 0) returns 0 and
 * changes nothing; NULL clears every vector and returns 0, after which
 * the table can be installed again and works.
 */
#include "abi/errno.h"
#include "abi/pv64.h"
#include "abi/trap.h"
#include "gk/bad.h"
#include "gk/hypercall.h"
#include "gk/test.h"
#include "gk/traps.h"
#include "gk/x86.h"

GK_TEST_INFO("hcall-trap-table", "set_trap_table updates and errors");

static void expect_trap(unsigned int vec, const char *what)
{
    unsigned int before = gk_nr_traps;

    if (vec == X86_EXC_UD)
        __asm__ volatile("1: ud2; 2:" GK_EXTABLE(1b, 2b));
    else
        __asm__ volatile("1: int3; 2:" GK_EXTABLE(2b, 2b) GK_EXTABLE(1b, 2b));
    check_eq(gk_nr_traps, before + 1, what);
    check_eq(gk_last_trap.vector, vec, what);
}

int main(void)
{
    struct trap_info t[3] = { { 0 } };

    expect_trap(X86_EXC_UD, "#UD before");
    expect_trap(X86_EXC_BP, "#BP before");

    t[0].vector = X86_EXC_UD;
    t[0].cs = FLAT_KERNEL_CS;
    t[0].address = gk_trap_stub(X86_EXC_UD);
    check_rc(HYPERVISOR_set_trap_table(t), 0, "re-install #UD alone");
    expect_trap(X86_EXC_UD, "#UD after a one-entry update");
    expect_trap(X86_EXC_BP, "#BP after a one-entry update of #UD");

    t[0].address = 0;
    check_rc(HYPERVISOR_set_trap_table(t), 0, "empty array");
    expect_trap(X86_EXC_UD, "#UD after an empty update");

    t[0].address = GK_BAD_NONCANONICAL;
    check_rc(HYPERVISOR_set_trap_table(t), -XEN_EINVAL,
             "non-canonical handler");
    expect_trap(X86_EXC_UD, "#UD after a rejected update");

    check_rc(HYPERVISOR_set_trap_table((void *)GK_BAD_UNMAPPED), -XEN_EFAULT,
             "unmapped array");

    check_rc(HYPERVISOR_set_trap_table(NULL), 0, "NULL clears all");
    check_rc(gk_traps_init(), 0, "re-install after clearing");
    expect_trap(X86_EXC_UD, "#UD after re-install");
    expect_trap(X86_EXC_BP, "#BP after re-install");
    return 0;
}
