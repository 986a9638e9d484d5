/* SPDX-License-Identifier: MIT */
/*
 * Hostile-guest test 25 (HC-EXCHANGE, the reservation part), classes B
 * and C (XSA-31, XSA-158, XSA-212).
 * Invariant: an extent order, an extent count or an extent list that the
 * hypervisor cannot honour changes nothing: no frame is given or taken,
 * no work proportional to the count is done, no address outside the
 * guest's half is read or written.
 *
 * As on Xen 4.17 (common/memory.c), for increase_reservation,
 * decrease_reservation and populate_physmap, each with a list whose
 * first element would succeed:
 *  - extent_order 19 (above MAX_ORDER, 18), 21, 32 and 63: 0;
 *  - nr_extents 2^26 (too many to encode a continuation), 2^32, 2^63
 *    and 2^64 - 1: 0, at once;
 *  - extent_start in the hypervisor's range, non-canonical, or ending
 *    past the canonical boundary (0x00007ffffffffff8 with 2 extents): 0;
 *  - extent_start canonical but unmapped (0x00007ffffffff000): 0 for
 *    decrease and populate, which cannot read it. Not for increase:
 *    Xen 4.17 allocates the extent before it fails to write its MFN
 *    back, so the domain keeps one more page (its own, nothing leaks);
 * and current_reservation is what it was after each of them. The same
 * list with sane arguments then works (1), so the refusals were not for
 * the list's contents.
 */
#include "abi/errno.h"
#include "abi/memory.h"
#include "abi/pv64.h"
#include "gk/bad.h"
#include "gk/boot.h"
#include "gk/hypercall.h"
#include "gk/test.h"

GK_TEST_INFO("hostile-memory-op", "hostile extents change nothing");

#define N(a) (sizeof(a) / sizeof((a)[0]))

static uint16_t self = DOMID_SELF;
static uint64_t list[2];

static long reservation(unsigned int cmd, uint64_t start, uint64_t n,
                        unsigned int order)
{
    struct xen_memory_reservation r = {
        .extent_start = start, .nr_extents = n, .extent_order = order,
        .mem_flags = 0, .domid = DOMID_SELF,
    };

    return HYPERVISOR_memory_op(cmd, &r);
}

static long current(void)
{
    return HYPERVISOR_memory_op(XENMEM_current_reservation, &self);
}

static const char *name(unsigned int cmd)
{
    return cmd == XENMEM_increase_reservation ? "increase_reservation"
           : cmd == XENMEM_decrease_reservation ? "decrease_reservation"
                                                 : "populate_physmap";
}

/* Every hostile form of cmd on a list whose first element would work. */
static void hostile(unsigned int cmd, uint64_t first)
{
    static const unsigned int orders[] = { 19, 21, 32, 63 };
    static const uint64_t counts[] = {
        1UL << 26, 1UL << 32, 1UL << 63, ~0UL,
    };
    static const struct {
        uint64_t start, n;
    } lists[] = {
        { GK_BAD_HYPERVISOR, 1 }, { GK_BAD_NONCANONICAL, 1 },
        /* These two start in the guest's half and end outside it. */
        { 0x0000800000000000UL, 1 }, { 0x00007ffffffffff8UL, 2 },
        { GK_BAD_WRAP, 2 },
    };
    long cur = current();

    for (unsigned int i = 0; i < N(orders); i++) {
        list[0] = first;
        check_rc(reservation(cmd, (uint64_t)list, 1, orders[i]), 0,
                 name(cmd));
        check_rc(current(), cur, "reservation after a huge extent_order");
    }
    for (unsigned int i = 0; i < N(counts); i++) {
        list[0] = first;
        check_rc(reservation(cmd, (uint64_t)list, counts[i], 0), 0,
                 name(cmd));
        check_rc(current(), cur, "reservation after a huge nr_extents");
    }
    for (unsigned int i = 0; i < N(lists); i++) {
        /* A first element in the guest's half: see unmapped below. */
        if (cmd == XENMEM_increase_reservation && lists[i].n == 2)
            continue;
        check_rc(reservation(cmd, lists[i].start, lists[i].n, 0), 0,
                 name(cmd));
        check_rc(current(), cur, "reservation after a list out of reach");
    }
    if (cmd != XENMEM_increase_reservation) {
        check_rc(reservation(cmd, 0x00007ffffffff000UL, 1, 0), 0, name(cmd));
        check_rc(current(), cur, "reservation after an unmapped list");
    }
    list[0] = first;
}

int main(void)
{
    const uint64_t *p2m = (const uint64_t *)gk_start_info->mfn_list;
    uint64_t pfn = gk_start_info->nr_pages - 1;
    long cur = current();

    if (cur <= 0)
        test_error("setup: current_reservation %ld", cur);

    /* The last PFN lies past the boot map: giving it back is harmless. */
    hostile(XENMEM_decrease_reservation, p2m[pfn]);
    list[0] = p2m[pfn];
    check_rc(reservation(XENMEM_decrease_reservation, (uint64_t)list, 1, 0),
             1, "decrease_reservation of that frame, sanely");
    check_rc(current(), cur - 1, "reservation after giving one back");

    hostile(XENMEM_populate_physmap, pfn);
    hostile(XENMEM_increase_reservation, 0);
    list[0] = pfn;
    check_rc(reservation(XENMEM_populate_physmap, (uint64_t)list, 1, 0), 1,
             "populate_physmap of that PFN, sanely");
    check_rc(current(), cur, "reservation after populate");
    return 0;
}
