/* SPDX-License-Identifier: MIT */
/*
 * Pins MMU_PT_UPDATE_PRESERVE_AD: writing a value without A/D over an entry
 * that has them keeps A and D (for the same frame and for a new one); a
 * normal update replaces them.
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

GK_TEST_INFO("mm-preserve-ad", "MMU_PT_UPDATE_PRESERVE_AD keeps the A and D bits already in the entry");
static uint64_t l2, l1;

static void window(unsigned int idx)
{
    long rc = gk_mm_build_window(idx, &l2, &l1);

    if (rc)
        test_error("building the test window: %ld", rc);
}

int main(void)
{
    uint64_t a = gk_mm_alloc(), b = gk_mm_alloc();
    uint64_t ptr;

    window(11);
    ptr = (l1 << 12) + 8 * 7;
    check_rc(gk_mm_write(l1, 7, (a << 12) | PTE_P | PTE_A | PTE_D), 0, "set");
    check_rc(gk_mmu_update1(ptr | MMU_PT_UPDATE_PRESERVE_AD, (a << 12) | PTE_P),
             0, "preserve, same frame");
    check_eq(gk_mm_read(l1, 7) & (PTE_A | PTE_D), PTE_A | PTE_D, "A|D kept");
    check_rc(gk_mmu_update1(ptr | MMU_PT_UPDATE_PRESERVE_AD, (b << 12) | PTE_P),
             0, "preserve, other frame");
    check_eq(gk_mm_read(l1, 7), (b << 12) | PTE_P | PTE_A | PTE_D | PTE_US |
             (1UL << 52), "A|D kept, new frame");
    check_rc(gk_mm_write(l1, 7, (b << 12) | PTE_P), 0, "normal update");
    check_eq(gk_mm_read(l1, 7) & (PTE_A | PTE_D), 0, "A|D replaced");
    return 0;
}
