/* SPDX-License-Identifier: MIT */
/*
 * Pins set_segment_base: SEGBASE_FS and SEGBASE_GS_KERNEL set the base
 * used by %fs:/%gs: accesses in guest kernel mode (checked by reading
 * through them) and return 0; SEGBASE_GS_USER returns 0; a non-canonical
 * base returns -EINVAL; an unknown `which` returns -EINVAL;
 * SEGBASE_GS_USER_SEL with a null selector returns 0, with a selector
 * that is not in any GDT/LDT returns 0 as well (the bad one loads null).
 */
#include "abi/errno.h"
#include "abi/pv64.h"
#include "gk/bad.h"
#include "gk/hypercall.h"
#include "gk/test.h"

GK_TEST_INFO("hcall-segment-base", "set_segment_base for FS and GS");

static volatile uint64_t fs_target = 0x1111222233334444UL;
static volatile uint64_t gs_target = 0x5555666677778888UL;

int main(void)
{
    uint64_t v;

    check_rc(HYPERVISOR_set_segment_base(SEGBASE_FS, (uint64_t)&fs_target),
             0, "FS base");
    __asm__ volatile("mov %%fs:0, %0" : "=r"(v));
    check_eq(v, fs_target, "read through %fs");

    check_rc(HYPERVISOR_set_segment_base(SEGBASE_GS_KERNEL,
                                         (uint64_t)&gs_target),
             0, "kernel GS base");
    __asm__ volatile("mov %%gs:0, %0" : "=r"(v));
    check_eq(v, gs_target, "read through %gs");

    check_rc(HYPERVISOR_set_segment_base(SEGBASE_GS_USER, 0x12345000), 0,
             "user GS base");
    /* The user GS base does not touch the kernel one. */
    __asm__ volatile("mov %%gs:0, %0" : "=r"(v));
    check_eq(v, gs_target, "read through %gs after setting user GS");

    check_rc(HYPERVISOR_set_segment_base(SEGBASE_FS, GK_BAD_NONCANONICAL),
             -XEN_EINVAL, "non-canonical FS base");
    check_rc(HYPERVISOR_set_segment_base(SEGBASE_GS_KERNEL,
                                         GK_BAD_NONCANONICAL),
             -XEN_EINVAL, "non-canonical kernel GS base");
    check_rc(HYPERVISOR_set_segment_base(SEGBASE_GS_USER,
                                         GK_BAD_NONCANONICAL),
             -XEN_EINVAL, "non-canonical user GS base");
    check_rc(HYPERVISOR_set_segment_base(4, 0), -XEN_EINVAL, "which = 4");
    check_rc(HYPERVISOR_set_segment_base(-1, 0), -XEN_EINVAL, "which = -1");

    check_rc(HYPERVISOR_set_segment_base(SEGBASE_GS_USER_SEL, 0), 0,
             "user GS selector 0");
    check_rc(HYPERVISOR_set_segment_base(SEGBASE_GS_USER_SEL, 0x1234), 0,
             "user GS selector 0x1234 (no such descriptor)");
    check_rc(HYPERVISOR_set_segment_base(SEGBASE_GS_USER_SEL,
                                         FLAT_RING3_DS32),
             0, "user GS selector FLAT_RING3_DS32");

    /* Put the bases back to 0 as at boot. */
    check_rc(HYPERVISOR_set_segment_base(SEGBASE_FS, 0), 0, "FS base 0");
    check_rc(HYPERVISOR_set_segment_base(SEGBASE_GS_KERNEL, 0), 0,
             "kernel GS base 0");
    return 0;
}
