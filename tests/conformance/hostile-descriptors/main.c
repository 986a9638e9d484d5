/* SPDX-License-Identifier: MIT */
/*
 * Hostile-guest test 13 (DT-GDT), class D (XSA-110, XSA-214), beyond
 * what hcall-descriptors pins.
 * Invariant: no descriptor the guest installs gives it ring-0 or ring-1
 * code, a gate into the hypervisor's code, or a 64-bit system segment,
 * and descriptor updates only land in the guest's own ordinary or
 * descriptor pages.
 *
 * As on Xen 4.17 (check_descriptor, do_update_descriptor, do_set_gdt):
 *  update_descriptor into a page of ours
 *  - a call gate whose target is one of the hypervisor's selectors
 *    (0xE008, 0xE010, 0xE018, 0xFFF8): -EINVAL;
 *  - an LDT (2), a 64-bit TSS (9, 0xB), an interrupt (0xE) or trap (0xF)
 *    gate, a task gate (5) and the 16-bit system types 1, 3, 4, 6, 7:
 *    -EINVAL, the slot unchanged;
 *  - a present descriptor of system type 0 (the upper half of a gate),
 *    and a not-present TSS: 0, stored as given;
 *  - conforming code of DPL 0 and 1, ordinary code and data of DPL 1 and
 *    2: 0, stored with DPL 3 and nothing else changed but (on hv) the
 *    accessed bit;
 *  - a machine address in MFN 0, at 1 << 52, at ~7, or in one of our own
 *    page tables (the boot L4): -EINVAL, the table unchanged;
 *  set_gdt
 *  - a frame list with a frame of MFN 0 or past RAM after a good frame,
 *    or the boot L4 as a frame: -EINVAL, and the good frame keeps no
 *    descriptor type (it can be mapped writable again);
 *  - a read-only page holding a TSS or a gate to 0xE008: -EINVAL;
 *  - a frame list in the hypervisor's range: -EFAULT;
 *  - 2^32 + 512 and 2^64 - 1 entries: -EINVAL (not truncated).
 * Not pinned here because hv refuses what Xen 4.17 accepts: call gates
 * whose target is a guest selector (Xen stores them with DPL 0 and
 * emulates their use; hv has no gate emulation and returns -EINVAL).
 */
#include <string.h>

#include "abi/errno.h"
#include "abi/memory.h"
#include "abi/mmu.h"
#include "gk/bad.h"
#include "gk/boot.h"
#include "gk/hypercall.h"
#include "gk/pagetable.h"
#include "gk/test.h"
#include "gk/x86.h"

GK_TEST_INFO("hostile-descriptors", "descriptors that would give ring 0");

#define N(a) (sizeof(a) / sizeof((a)[0]))

#define DESC_P         (1UL << 47)
#define DESC_S         (1UL << 44)
#define DESC_A         (1UL << 40)
#define DESC_DPL(n)    ((uint64_t)(n) << 45)
#define DESC_DPL_MASK  DESC_DPL(3)
#define DESC_DATA_DPL3 0x00CFF3000000FFFFUL

/* A system descriptor of type t, present, DPL 3, selector sel. */
static uint64_t sys_desc(unsigned int t, uint16_t sel)
{
    return DESC_P | DESC_DPL(3) | ((uint64_t)t << 40) |
           ((uint64_t)sel << 16) | 0x1000;
}

/* A code (0xA) or data (0x2) descriptor: flat, 64-bit code, DPL dpl. */
static uint64_t seg_desc(unsigned int t, unsigned int dpl)
{
    return 0x00AF00000000FFFFUL | DESC_P | DESC_S | DESC_DPL(dpl) |
           ((uint64_t)t << 40);
}

static uint64_t scratch[512] __attribute__((aligned(4096)));
static uint64_t gdt[2][512] __attribute__((aligned(4096)));

static long update(unsigned int slot, uint64_t desc)
{
    return HYPERVISOR_update_descriptor(gk_virt_to_ma(&scratch[slot]), desc);
}

static void check_system(void)
{
    static const uint16_t hv_sel[] = { 0xE008, 0xE010, 0xE018, 0xFFF8 };
    static const unsigned int bad_types[] = {
        1, 2, 3, 4, 5, 6, 7, 9, 0xB, 0xE, 0xF,
    };

    for (unsigned int i = 0; i < N(hv_sel); i++) {
        check_rc(update(10 + i, sys_desc(0xC, hv_sel[i])), -XEN_EINVAL,
                 "call gate to a hypervisor selector");
        check_eq(scratch[10 + i], 0, "slot after a refused call gate");
    }
    for (unsigned int i = 0; i < N(bad_types); i++) {
        check_rc(update(20 + i, sys_desc(bad_types[i], FLAT_KERNEL_CS)),
                 -XEN_EINVAL, "system descriptor");
        check_eq(scratch[20 + i], 0, "slot after a refused system type");
    }

    check_rc(update(40, sys_desc(0, 0xE008)), 0, "system type 0, present");
    check_eq(scratch[40], sys_desc(0, 0xE008), "stored type 0");
    check_rc(update(41, sys_desc(9, 0) & ~DESC_P), 0, "TSS, not present");
    check_eq(scratch[41], sys_desc(9, 0) & ~DESC_P, "stored absent TSS");
}

static void check_segments(void)
{
    static const struct {
        unsigned int type, dpl;
    } cases[] = {
        { 0xE, 0 }, { 0xE, 1 }, { 0xF, 0 }, { 0xA, 1 }, { 0xA, 2 },
        { 0x2, 1 }, { 0x2, 2 }, { 0x3, 0 },
    };

    for (unsigned int i = 0; i < N(cases); i++) {
        uint64_t d = seg_desc(cases[i].type, cases[i].dpl);

        check_rc(update(50 + i, d), 0, "code/data descriptor below DPL 3");
        check_eq(scratch[50 + i] & ~DESC_A, (d | DESC_DPL_MASK) & ~DESC_A,
                 "stored with DPL 3, all else as given");
    }
}

static void check_targets(void)
{
    uint64_t l4 = gk_virt_to_ma((void *)gk_start_info->pt_base);
    uint64_t entry = ((uint64_t *)gk_start_info->pt_base)[300];

    check_rc(HYPERVISOR_update_descriptor(8, DESC_DATA_DPL3), -XEN_EINVAL,
             "update_descriptor into MFN 0");
    check_rc(HYPERVISOR_update_descriptor(1UL << 52, DESC_DATA_DPL3),
             -XEN_EINVAL, "update_descriptor at 1 << 52");
    check_rc(HYPERVISOR_update_descriptor(~7UL, DESC_DATA_DPL3), -XEN_EINVAL,
             "update_descriptor at ~7");
    check_rc(HYPERVISOR_update_descriptor(l4 + 300 * 8, DESC_DATA_DPL3),
             -XEN_EINVAL, "update_descriptor into the boot L4");
    check_eq(((uint64_t *)gk_start_info->pt_base)[300], entry,
             "L4 entry 300 after a refused update_descriptor");
}

static long map_ro(void *page, bool ro)
{
    uint64_t pte = gk_virt_to_ma(page) | PTE_P | PTE_A | (ro ? 0 : PTE_RW);

    return HYPERVISOR_update_va_mapping((unsigned long)page, pte,
                                        UVMF_INVLPG);
}

static void check_set_gdt(void)
{
    unsigned long good = gk_virt_to_ma(gdt[0]) >> PAGE_SHIFT;
    unsigned long l4 = gk_virt_to_ma((void *)gk_start_info->pt_base) >>
                       PAGE_SHIFT;
    long maxpage = HYPERVISOR_memory_op(XENMEM_maximum_ram_page, NULL);
    unsigned long bad[] = { 0, (unsigned long)maxpage + 1, l4 };
    unsigned long frames[2];

    memset(gdt, 0, sizeof(gdt));
    gdt[1][7] = sys_desc(9, 0);
    if (map_ro(gdt[0], true) || map_ro(gdt[1], true))
        test_error("setup: cannot map the GDT pages read-only");

    for (unsigned int i = 0; i < N(bad); i++) {
        frames[0] = good;
        frames[1] = bad[i];
        check_rc(HYPERVISOR_set_gdt(frames, 1024), -XEN_EINVAL,
                 "set_gdt, second frame not a descriptor frame of ours");
        frames[0] = bad[i];
        check_rc(HYPERVISOR_set_gdt(frames, 512), -XEN_EINVAL,
                 "set_gdt, first frame not a descriptor frame of ours");
    }
    frames[0] = gk_virt_to_ma(gdt[1]) >> PAGE_SHIFT;
    check_rc(HYPERVISOR_set_gdt(frames, 512), -XEN_EINVAL,
             "set_gdt of a page holding a TSS");
    check_rc(HYPERVISOR_set_gdt((void *)GK_BAD_HYPERVISOR, 512), -XEN_EFAULT,
             "set_gdt, frame list in the hypervisor's range");

    /* Nothing kept a reference: the pages can be writable again. */
    check_rc(map_ro(gdt[0], false), 0, "map the good frame writable again");
    check_rc(map_ro(gdt[1], false), 0, "map the TSS frame writable again");
    gdt[1][7] = sys_desc(0xC, 0xE008);
    check_rc(map_ro(gdt[1], true), 0, "map it read-only again");
    check_rc(HYPERVISOR_set_gdt(frames, 512), -XEN_EINVAL,
             "set_gdt of a page holding a gate to 0xE008");
    check_rc(map_ro(gdt[1], false), 0, "map that frame writable again");
    frames[0] = good;
    /* The count is not truncated to 32 bits. */
    check_rc(GK_HC(set_gdt, frames, (1UL << 32) | 512, 0, 0, 0),
             -XEN_EINVAL, "set_gdt of 2^32 + 512 entries");
    check_rc(GK_HC(set_gdt, frames, ~0UL, 0, 0, 0), -XEN_EINVAL,
             "set_gdt of 2^64 - 1 entries");
}

int main(void)
{
    check_system();
    check_segments();
    check_targets();
    check_set_gdt();
    return 0;
}
