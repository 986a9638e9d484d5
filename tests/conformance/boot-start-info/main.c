/* SPDX-License-Identifier: MIT */
/*
 * Pins every start_info field a PV dom0 gets at boot: magic
 * "xen-3.0-x86_64", nr_pages = current reservation, shared_info a
 * page-aligned machine address outside dom0's RAM, flags = PRIVILEGED |
 * INITDOMAIN (the processor power-management bits SIF_PM_MASK are the
 * hypervisor's policy: Xen 4.17 sets 0x300 by default, hv leaves them
 * clear as it does no CPU power management), no xenstore ring, console.dom0 info (if any)
 * inside the start_info page after the structure, pt_base = VA of the L4
 * (cr3), mfn_list the VA of a P2M consistent with the M2P, no module,
 * cmd_line empty, nr_p2m_frames 0 and first_p2m_pfn = the first PFN past
 * the initial mapping (Xen 4.17 reports it even without INIT_P2M).
 */
#include <string.h>

#include "abi/memory.h"
#include "gk/boot.h"
#include "gk/hypercall.h"
#include "gk/pagetable.h"
#include "gk/test.h"
#include "gk/x86.h"

GK_TEST_INFO("boot-start-info", "every start_info field of a PV dom0");

static void check_p2m(const struct start_info *si)
{
    const uint64_t *p2m = (const uint64_t *)si->mfn_list;
    uint64_t bad = 0, first_bad = 0;

    for (uint64_t pfn = 0; pfn < si->nr_pages; pfn++) {
        uint64_t mfn = p2m[pfn];

        if (mfn >= (MACH2PHYS_NR_ENTRIES) || gk_m2p[mfn] != pfn) {
            if (!bad++)
                first_bad = pfn;
        }
    }
    check(bad == 0, "%lu P2M entries disagree with the M2P, first pfn %#lx",
          bad, first_bad);
    /* No two PFNs share a frame: the M2P check above implies it. */
}

int main(void)
{
    const struct start_info *si = gk_start_info;
    uint16_t self = DOMID_SELF;
    long pages = HYPERVISOR_memory_op(XENMEM_current_reservation, &self);
    uint64_t l4_mfn;

    gk_printf("magic \"%.32s\" nr_pages %lu shared_info %#lx flags %#x\n",
              si->magic, si->nr_pages, si->shared_info, si->flags);
    gk_printf("pt_base %#lx nr_pt_frames %lu mfn_list %#lx mod %#lx+%#lx\n",
              si->pt_base, si->nr_pt_frames, si->mfn_list, si->mod_start,
              si->mod_len);
    gk_printf("store %#lx/%u console %#x/%#x first_p2m_pfn %#lx nr %#lx\n",
              si->store_mfn, si->store_evtchn, si->console.dom0.info_off,
              si->console.dom0.info_size, si->first_p2m_pfn,
              si->nr_p2m_frames);

    check(memcmp(si->magic, START_INFO_MAGIC, sizeof(START_INFO_MAGIC)) == 0,
          "magic is \"%.32s\", want \"" START_INFO_MAGIC "\"", si->magic);
    check_eq(si->nr_pages, pages, "nr_pages vs current_reservation");
    check(si->nr_pages > 0 && si->nr_pages <= 64UL << (20 - PAGE_SHIFT),
          "nr_pages %lu not in (0, 64 MiB]", si->nr_pages);
    check_eq(si->shared_info & (PAGE_SIZE - 1), 0, "shared_info alignment");
    check(si->shared_info != 0, "shared_info is 0");
    /* shared_info is the hypervisor's page, not one of our RAM frames. */
    check(gk_m2p[si->shared_info >> PAGE_SHIFT] >= si->nr_pages,
          "shared_info MFN %#lx is dom0 RAM (pfn %#lx)",
          si->shared_info >> PAGE_SHIFT, gk_m2p[si->shared_info >> PAGE_SHIFT]);
    check_eq(si->flags & ~SIF_PM_MASK, SIF_PRIVILEGED | SIF_INITDOMAIN,
             "flags outside the power-management bits");
    check_eq(si->store_mfn, 0, "store_mfn");
    check_eq(si->store_evtchn, 0, "store_evtchn");
    if (si->console.dom0.info_size)
        check(si->console.dom0.info_off >= sizeof(*si) &&
              si->console.dom0.info_off + si->console.dom0.info_size <=
                  PAGE_SIZE,
              "console info %#x+%#x outside the start_info page",
              si->console.dom0.info_off, si->console.dom0.info_size);

    check_eq(si->pt_base & (PAGE_SIZE - 1), 0, "pt_base alignment");
    l4_mfn = gk_pfn_to_mfn(si->pt_base >> PAGE_SHIFT);
    {
        /* cr3 reads are emulated for PV: they must name the same L4. */
        uint64_t cr3;

        __asm__ volatile("mov %%cr3, %0" : "=r"(cr3));
        check_eq(cr3 >> PAGE_SHIFT, l4_mfn, "cr3 MFN vs pt_base");
    }
    check(si->nr_pt_frames >= 4 && si->nr_pt_frames < 64,
          "nr_pt_frames %lu implausible", si->nr_pt_frames);
    check_eq(si->mfn_list & (PAGE_SIZE - 1), 0, "mfn_list alignment");
    check((uint64_t)_end <= si->mfn_list, "mfn_list %#lx inside the kernel",
          si->mfn_list);
    check_p2m(si);

    check_eq(si->mod_start, 0, "mod_start without a module");
    check_eq(si->mod_len, 0, "mod_len without a module");
    check_eq(si->cmd_line[0], 0, "cmd_line without arguments");
    check_eq(si->nr_p2m_frames, 0, "nr_p2m_frames without INIT_P2M");
    {
        uint64_t pte[4];
        uint64_t end = si->first_p2m_pfn << PAGE_SHIFT;

        check(end && gk_pt_walk(end - PAGE_SIZE, pte) == 4 &&
                  (pte[0] & PTE_P),
              "first_p2m_pfn %#lx: the page below it is not mapped",
              si->first_p2m_pfn);
        check(gk_pt_walk(end, pte) < 4 || !(pte[0] & PTE_P),
              "first_p2m_pfn %#lx is mapped: not the end of the boot map",
              si->first_p2m_pfn);
    }
    return 0;
}
