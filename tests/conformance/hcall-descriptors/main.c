/* SPDX-License-Identifier: MIT */
/*
 * Pins update_descriptor and set_gdt for a 64-bit PV guest:
 * update_descriptor(ma, desc) into one of our writable RAM pages stores a
 * code/data descriptor with its DPL raised to 3, refuses an unaligned
 * address, a frame we do not own and a system descriptor (TSS) with
 * -EINVAL. set_gdt refuses more than 7168 entries (-EINVAL), a frame
 * that is mapped writable (-EINVAL) and an unreadable frame list
 * (-EFAULT); a read-only page of descriptors is accepted (0), and a
 * selector of it then loads into %ds.
 */
#include <string.h>

#include "abi/errno.h"
#include "abi/memory.h"
#include "abi/mmu.h"
#include "gk/bad.h"
#include "gk/hypercall.h"
#include "gk/pagetable.h"
#include "gk/test.h"
#include "gk/x86.h"

GK_TEST_INFO("hcall-descriptors", "update_descriptor and set_gdt checks");

#define DESC_DATA_DPL3 0x00CFF3000000FFFFUL   /* flat data, DPL 3 */
#define DESC_CODE_DPL0 0x00AF9A000000FFFFUL   /* flat 64-bit code, DPL 0 */
#define DESC_TSS       0x0000890000000067UL   /* available 64-bit TSS */
#define DESC_DPL_MASK  (3UL << 45)

static uint64_t scratch[512] __attribute__((aligned(4096)));
static uint64_t gdt[512] __attribute__((aligned(4096)));

static void check_update_descriptor(void)
{
    uint64_t ma = gk_virt_to_ma(&scratch[1]);
    long maxpage = HYPERVISOR_memory_op(XENMEM_maximum_ram_page, NULL);

    check_rc(HYPERVISOR_update_descriptor(ma, DESC_DATA_DPL3), 0,
             "update_descriptor of a DPL-3 data descriptor");
    check_eq(scratch[1], DESC_DATA_DPL3, "stored data descriptor");

    check_rc(HYPERVISOR_update_descriptor(gk_virt_to_ma(&scratch[2]),
                                          DESC_CODE_DPL0), 0,
             "update_descriptor of a DPL-0 code descriptor");
    check_eq(scratch[2] & DESC_DPL_MASK, DESC_DPL_MASK,
             "DPL of the stored code descriptor");

    check_rc(HYPERVISOR_update_descriptor(ma + 4, DESC_DATA_DPL3),
             -XEN_EINVAL, "unaligned machine address");
    check_rc(HYPERVISOR_update_descriptor(gk_virt_to_ma(&scratch[3]),
                                          DESC_TSS),
             -XEN_EINVAL, "TSS descriptor");
    check_eq(scratch[3], 0, "slot after a refused descriptor");
    check_rc(HYPERVISOR_update_descriptor(((uint64_t)maxpage << PAGE_SHIFT) +
                                              8, DESC_DATA_DPL3),
             -XEN_EINVAL, "machine address beyond RAM");
}

static void check_set_gdt(void)
{
    unsigned long frame = gk_virt_to_ma(gdt) >> PAGE_SHIFT;
    unsigned long wframe = gk_virt_to_ma(scratch) >> PAGE_SHIFT;
    uint64_t pte = (frame << PAGE_SHIFT) | PTE_P | PTE_A;
    uint16_t sel = (2 << 3) | 3, ds;

    check_rc(HYPERVISOR_set_gdt(&frame, 7169), -XEN_EINVAL,
             "set_gdt of 7169 entries");
    check_rc(HYPERVISOR_set_gdt(&wframe, 512), -XEN_EINVAL,
             "set_gdt of a writable frame");
    check_rc(HYPERVISOR_set_gdt((void *)GK_BAD_UNMAPPED, 512), -XEN_EFAULT,
             "set_gdt from an unmapped frame list");

    memset(gdt, 0, sizeof(gdt));
    gdt[2] = DESC_DATA_DPL3;
    check_rc(HYPERVISOR_update_va_mapping((unsigned long)gdt, pte,
                                          UVMF_INVLPG), 0,
             "map the GDT page read-only");
    check_rc(HYPERVISOR_set_gdt(&frame, 512), 0, "set_gdt of a RO page");
    __asm__ volatile("mov %1, %%ds; mov %%ds, %0; mov %2, %%ds"
                     : "=r"(ds) : "r"(sel), "r"(0));
    check_eq(ds, sel, "%ds loaded from our GDT");

    /* A descriptor page takes updates only through the hypercall. */
    check_rc(HYPERVISOR_update_descriptor((frame << PAGE_SHIFT) + 3 * 8,
                                          DESC_DATA_DPL3), 0,
             "update_descriptor into the live GDT");
    check_eq(gdt[3], DESC_DATA_DPL3, "descriptor 3 of the live GDT");
}

int main(void)
{
    check_update_descriptor();
    check_set_gdt();
    return 0;
}
