/* SPDX-License-Identifier: MIT */
/*
 * Pins update_va_mapping(va, pte, flags): in a validated L1 of the current
 * table it installs, replaces and clears a mapping; UVMF_INVLPG and
 * UVMF_TLB_FLUSH make the change visible; a VA no validated L1 covers is
 * -EINVAL; a vCPU-mask pointer that cannot be read is -EFAULT.
 */
#include "abi/errno.h"
#include "abi/memory.h"
#include "abi/mmu.h"
#include "gk/boot.h"
#include "gk/hypercall.h"
#include "gk/mm.h"
#include "gk/pagetable.h"
#include "gk/test.h"
#include "gk/traps.h"
#include "gk/x86.h"

GK_TEST_INFO("mm-uva-map", "update_va_mapping maps, remaps and unmaps one VA with its flush flags");
static uint64_t l2, l1;

static void window(unsigned int idx)
{
    long rc = gk_mm_build_window(idx, &l2, &l1);

    if (rc)
        test_error("building the test window: %ld", rc);
}

int main(void)
{
    uint64_t a = gk_mm_alloc(), b = gk_mm_alloc(), va = 3UL << 30, v;
    uint64_t mask = 1;

    window(3);
    check_rc(HYPERVISOR_update_va_mapping(va, (a << 12) | GK_PT_DATA,
                                          UVMF_INVLPG), 0, "map a");
    check(gk_mm_try_write(va, 0xA), "write a");
    check_rc(HYPERVISOR_update_va_mapping(va, (b << 12) | GK_PT_DATA,
                                          UVMF_TLB_FLUSH | UVMF_ALL), 0,
             "remap to b");
    check(gk_mm_try_read(va, &v) && v == 0, "b is a fresh zeroed frame");
    check_rc(HYPERVISOR_update_va_mapping(va, (a << 12) | GK_PT_DATA,
                                          UVMF_INVLPG |
                                              (unsigned long)&mask), 0,
             "remap to a with a vcpu mask");
    check(gk_mm_try_read(va, &v) && v == 0xA, "a again");
    check_rc(HYPERVISOR_update_va_mapping(va, 0, UVMF_INVLPG), 0, "unmap");
    check(!gk_mm_try_read(va, &v), "read after unmap faults");
    check_rc(HYPERVISOR_update_va_mapping(0x100000000000UL, 0, 0),
             -XEN_EINVAL, "VA without an L1");
    check_rc(HYPERVISOR_update_va_mapping(va, 0, UVMF_INVLPG |
                                                     0x100000000000UL),
             -XEN_EFAULT, "unreadable vcpu mask");
    return 0;
}
