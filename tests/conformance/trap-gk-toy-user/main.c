/* SPDX-License-Identifier: MIT */
/*
 * Runs the toy kernel of docs/porting.md (guest-kit/examples/toy) and
 * pins the user-mode ABI it relies on: after MMUEXT_NEW_USER_BASEPTR
 * and stack_switch, the iret hypercall with CS 0xE033 | RPL 3 enters
 * user mode on the user table; `int $0x80` through a trap-table entry
 * with DPL 3 and `int3` reach the kernel with CS RPL 3 and return there
 * (7 system calls: a write, then 3 sleeps of 10 ticks each followed by
 * a write); reading kernel memory absent from the user table bounces #PF
 * with error-code bit 2 (U) set and the address in vcpu_info.arch.cr2.
 * The toy's main() is the kernel's main; this file replaces only its
 * weak toy_finished().
 */
#include "gk/test.h"
#include "gk/traps.h"
#include "gk/x86.h"

GK_TEST_INFO("trap-gk-toy-user", "the ported toy kernel's user mode");

void toy_finished(const struct gk_trap_frame *f, uint64_t cr2,
                  uint64_t ticks, unsigned int syscalls,
                  unsigned int breakpoints) __attribute__((noreturn));
void toy_finished(const struct gk_trap_frame *f, uint64_t cr2,
                  uint64_t ticks, unsigned int syscalls,
                  unsigned int breakpoints)
{
    gk_printf("toy finished: %lu ticks, %u system calls, %u breakpoints\n",
              ticks, syscalls, breakpoints);
    check_eq(f->cs & 3, 3, "#PF frame CS RPL (user mode)");
    check_eq(f->vector, X86_EXC_PF, "vector");
    check(f->error_code & PFEC_USER, "#PF error code %#lx without U",
          f->error_code);
    check(!(f->error_code & PFEC_PRESENT), "#PF error code %#lx: present",
          f->error_code);
    check_eq(cr2, 0x100000, "cr2");
    check(f->rip >= 0x0000010000000000UL &&
              f->rip < 0x0000010000001000UL,
          "#PF at rip %#lx, not in the user page", f->rip);
    check_eq(syscalls, 7, "system calls (1 + 3 sleeps + 3 writes)");
    check_eq(breakpoints, 1, "breakpoints from user mode");
    /* 5 ticks before user mode, then 3 sleeps of 10. */
    check(ticks >= 35, "only %lu ticks", ticks);
    test_pass();
}
