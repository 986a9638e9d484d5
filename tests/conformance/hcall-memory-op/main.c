/* SPDX-License-Identifier: MIT */
/*
 * Pins the memory_op queries a PV kernel makes at boot:
 * maximum_ram_page (> every MFN in our P2M), current_reservation and
 * maximum_reservation of DOMID_SELF (= nr_pages for dom0 with
 * dom0_mem=64M,max:64M on Xen, at least nr_pages elsewhere), memory_map
 * (the pseudo-physical map: -ENOSYS if none was set, else RAM entries
 * covering nr_pages), machphys_mfn_list; bad pointers -EFAULT, unknown
 * domid -ESRCH, unknown op -ENOSYS.
 */
#include "abi/errno.h"
#include "abi/memory.h"
#include "gk/bad.h"
#include "gk/boot.h"
#include "gk/hypercall.h"
#include "gk/pagetable.h"
#include "gk/test.h"
#include "gk/x86.h"

GK_TEST_INFO("hcall-memory-op", "memory_op reservation and map queries");

static void check_memory_map(void)
{
    struct e820_entry map[32];
    struct xen_memory_map mm = { .nr_entries = 32, .buffer = (uint64_t)map };
    uint64_t ram = 0;
    long rc = HYPERVISOR_memory_op(XENMEM_memory_map, &mm);

    gk_printf("memory_map: %ld, %u entries\n", rc, mm.nr_entries);
    if (rc == -XEN_ENOSYS)
        return;
    check_rc(rc, 0, "memory_map");
    check(mm.nr_entries >= 1 && mm.nr_entries <= 32, "memory_map: %u entries",
          mm.nr_entries);
    for (unsigned int i = 0; i < mm.nr_entries && i < 32; i++) {
        gk_printf("  %#lx+%#lx type %u\n", map[i].addr, map[i].size,
                  map[i].type);
        if (map[i].type == E820_RAM)
            ram += map[i].size;
    }
    check(ram >= gk_start_info->nr_pages * PAGE_SIZE,
          "memory_map RAM %#lx below nr_pages", ram);

    mm.nr_entries = 32;
    mm.buffer = GK_BAD_UNMAPPED;
    check_rc(HYPERVISOR_memory_op(XENMEM_memory_map, &mm), -XEN_EFAULT,
             "memory_map into an unmapped buffer");
}

int main(void)
{
    uint16_t self = DOMID_SELF, nobody = 1000;
    uint64_t nr_pages = gk_start_info->nr_pages, max_mfn = 0;
    long maxpage, cur, max;

    for (uint64_t pfn = 0; pfn < nr_pages; pfn++) {
        if (gk_pfn_to_mfn(pfn) > max_mfn)
            max_mfn = gk_pfn_to_mfn(pfn);
    }
    maxpage = HYPERVISOR_memory_op(XENMEM_maximum_ram_page, NULL);
    gk_printf("maximum_ram_page %#lx (our highest mfn %#lx)\n", maxpage,
              max_mfn);
    check(maxpage > (long)max_mfn, "maximum_ram_page %#lx <= mfn %#lx",
          maxpage, max_mfn);

    cur = HYPERVISOR_memory_op(XENMEM_current_reservation, &self);
    max = HYPERVISOR_memory_op(XENMEM_maximum_reservation, &self);
    gk_printf("current_reservation %ld maximum_reservation %ld\n", cur, max);
    check_eq(cur, nr_pages, "current_reservation");
    check(max >= cur, "maximum_reservation %ld below current %ld", max, cur);

    check_rc(HYPERVISOR_memory_op(XENMEM_current_reservation,
                                  (void *)GK_BAD_UNMAPPED),
             -XEN_EFAULT, "current_reservation from an unmapped domid");
    check_rc(HYPERVISOR_memory_op(XENMEM_current_reservation, &nobody),
             -XEN_ESRCH, "current_reservation of domain 1000");
    check_rc(HYPERVISOR_memory_op(XENMEM_maximum_reservation, &nobody),
             -XEN_ESRCH, "maximum_reservation of domain 1000");

    check_memory_map();

    check_rc(HYPERVISOR_memory_op(XENMEM_machphys_mapping,
                                  (void *)GK_BAD_UNMAPPED),
             -XEN_EFAULT, "machphys_mapping into an unmapped buffer");
    check_rc(HYPERVISOR_memory_op(63, NULL), -XEN_ENOSYS, "op 63");
    return 0;
}
