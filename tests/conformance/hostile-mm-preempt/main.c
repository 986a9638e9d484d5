/* SPDX-License-Identifier: MIT */
/*
 * Hostile-guest test 9 (PT-PREEMPT, part): a 4-level hierarchy mapping
 * 1 GiB (512 L1 tables of 512 entries each) is pinned as an L4 in one
 * MMUEXT_PIN_L4_TABLE and unpinned again; both succeed, the time each took
 * is printed, and afterwards every L1 can be mapped writable (nothing left
 * referenced).
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

GK_TEST_INFO("hostile-mm-preempt", "pinning and unpinning a 1 GiB hierarchy completes and frees every table");

static uint64_t l1s[512];

static uint64_t now(void)
{
    uint32_t lo, hi;

    __asm__ volatile("rdtsc" : "=a"(lo), "=d"(hi));
    return (uint64_t)hi << 32 | lo;
}

int main(void)
{
    uint64_t d = gk_mm_alloc(), l2 = gk_mm_alloc(), l3 = gk_mm_alloc();
    uint64_t l4 = gk_mm_alloc(), t0, t1, t2;
    struct mmu_update req[512];
    unsigned int done;

    for (int i = 0; i < 512; i++) {
        uint64_t *p;

        l1s[i] = gk_mm_alloc();
        p = gk_mm_map_or_die(18, l1s[i], GK_PT_DATA);
        for (int j = 0; j < 512; j++)
            p[j] = (d << 12) | GK_PT_RO;
        gk_mm_unmap(18);
        req[i].ptr = (l2 << 12) + 8 * i;
        req[i].val = (l1s[i] << 12) | GK_PT_TABLE;
    }
    check_rc(HYPERVISOR_mmu_update(req, 512, &done, DOMID_SELF), 0, "fill L2");
    check_rc(gk_mm_write(l3, 0, (l2 << 12) | GK_PT_TABLE), 0, "L3");
    check_rc(gk_mm_write(l4, 0, (l3 << 12) | GK_PT_TABLE), 0, "L4");
    t0 = now();
    check_rc(gk_mm_pin(4, l4), 0, "pin the 1 GiB hierarchy");
    t1 = now();
    check_rc(gk_mm_unpin(l4), 0, "unpin it");
    t2 = now();
    gk_printf("pin: %lu Mcycles, unpin: %lu Mcycles\n", (t1 - t0) >> 20,
              (t2 - t1) >> 20);
    for (int i = 0; i < 512; i += 37) {
        check_rc(gk_mm_map(18, l1s[i], GK_PT_DATA), 0, "L1 free again");
        gk_mm_unmap(18);
    }
    check_rc(gk_mm_map(18, l2, GK_PT_DATA), 0, "L2 free again");
    gk_mm_unmap(18);
    return 0;
}
