/* SPDX-License-Identifier: MIT */
/*
 * Pins memory_op's reservation commands on the caller's own memory:
 * decrease_reservation of an unmapped frame of ours returns 1 (extents
 * done) and current_reservation drops by one; populate_physmap of that
 * PFN returns 1, writes a new MFN back and the M2P maps it to the PFN;
 * the reservation is whole again. Refusals report 0 extents done: a frame
 * that is not ours (shared_info, or past RAM), an extent order of 20,
 * growing beyond maximum_reservation; an unreadable argument is -EFAULT.
 */
#include "abi/errno.h"
#include "abi/memory.h"
#include "abi/pv64.h"
#include "gk/boot.h"
#include "gk/hypercall.h"
#include "gk/test.h"

GK_TEST_INFO("mm-reservation", "reservation commands of memory_op");

static long reservation(int cmd, uint64_t *frames, uint64_t n,
                        unsigned int order)
{
    struct xen_memory_reservation r = {
        .extent_start = (uint64_t)frames, .nr_extents = n,
        .extent_order = order, .mem_flags = 0, .domid = DOMID_SELF,
    };
    return HYPERVISOR_memory_op(cmd, &r);
}

int main(void)
{
    uint16_t self = DOMID_SELF;
    const uint64_t *p2m = (const uint64_t *)gk_start_info->mfn_list;
    const uint64_t *m2p = (const uint64_t *)MACH2PHYS_VIRT_START;
    uint64_t pfn = gk_start_info->nr_pages - 1, frame;
    long cur = HYPERVISOR_memory_op(XENMEM_current_reservation, &self);
    long max = HYPERVISOR_memory_op(XENMEM_maximum_reservation, &self);

    gk_printf("current %ld maximum %ld\n", cur, max);
    check(cur > 0 && max >= cur, "reservation %ld of %ld", cur, max);

    /* The last PFN lies past the boot map: nothing maps it. */
    frame = p2m[pfn];
    check_rc(reservation(XENMEM_decrease_reservation, &frame, 1, 0), 1,
             "decrease_reservation of an unmapped frame");
    check_rc(HYPERVISOR_memory_op(XENMEM_current_reservation, &self),
             cur - 1, "current_reservation after giving one back");

    frame = pfn;
    check_rc(reservation(XENMEM_populate_physmap, &frame, 1, 0), 1,
             "populate_physmap of that PFN");
    check(frame != pfn, "no MFN written back");
    check_eq(m2p[frame], pfn, "M2P of the new frame");
    check_rc(HYPERVISOR_memory_op(XENMEM_current_reservation, &self), cur,
             "current_reservation after populate");

    frame = gk_start_info->shared_info >> 12;
    check_rc(reservation(XENMEM_decrease_reservation, &frame, 1, 0), 1,
             "decrease_reservation of shared_info");
    check_eq(gk_shared_info->vcpu_info[0].time.tsc_to_system_mul != 0, 1,
             "shared_info still there");
    check_rc(HYPERVISOR_memory_op(XENMEM_current_reservation, &self), cur,
             "current_reservation after that");
    frame = 0x7FFFFFFFFUL;
    check_rc(reservation(XENMEM_decrease_reservation, &frame, 1, 0), 0,
             "decrease_reservation of a frame past RAM");
    frame = pfn;
    check_rc(reservation(XENMEM_populate_physmap, &frame, 1, 20), 0,
             "populate_physmap with extent order 20");
    check_rc(reservation(XENMEM_increase_reservation, NULL,
                         (uint64_t)(max - cur) + 1, 0),
             max - cur, "increase_reservation beyond the maximum");
    check_rc(HYPERVISOR_memory_op(XENMEM_current_reservation, &self), max,
             "current_reservation at the maximum");
    check_rc(HYPERVISOR_memory_op(XENMEM_decrease_reservation,
                                  (void *)0x7FFFFFFFF000UL),
             0, "an unreadable argument");
    return 0;
}
