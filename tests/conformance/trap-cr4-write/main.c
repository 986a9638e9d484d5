/* SPDX-License-Identifier: MIT */
/*
 * Pins mov to %cr4 from a PV kernel: CR4 belongs to the hypervisor, which
 * emulates the write. Writing back the value read, or that value with
 * MCE (bit 6) added, as Linux does while it starts, raises no fault, and
 * %cr4 then reads as before the writes.
 */
#include "gk/test.h"
#include "gk/traps.h"

GK_TEST_INFO("trap-cr4-write", "mov to cr4 is emulated and ignored");

static unsigned long read_cr4(void)
{
    unsigned long v;

    __asm__ volatile("mov %%cr4, %0" : "=r"(v));
    return v;
}

/* mov to cr4; true if it faulted. */
static bool write_cr4(unsigned long v)
{
    unsigned int before = gk_nr_traps;

    __asm__ volatile("1: mov %0, %%cr4\n2:" GK_EXTABLE(1b, 2b)
                     :: "r"(v) : "memory");
    return gk_nr_traps != before;
}

int main(void)
{
    unsigned long cr4 = read_cr4();

    gk_printf("cr4 %#lx\n", cr4);
    check(!write_cr4(cr4), "writing cr4's own value faulted");
    check(!write_cr4(cr4 | (1UL << 6)), "setting MCE in cr4 faulted");
    check_eq(read_cr4(), cr4, "cr4 after the writes");
    return 0;
}
