/* SPDX-License-Identifier: MIT */
/*
 * Invariant: the hypervisor reads a grant entry once per operation, so a
 * granter rewriting its entry between (or during) operations only ever
 * gets mappings and copies it offered at one instant (hostile-guests.md
 * test 32; one vCPU here, so the rewrites come between ops). The entry
 * cycles through (RW, frame A), (RO, frame B), (RW, A, for d5), invalid
 * and accept_transfer; each state allows exactly what it says. While an
 * entry is pinned (mapped), rewriting its frame does not move later maps
 * or copies: they keep the frame the first map pinned, as on Xen.
 */
#include "abi/errno.h"
#include "abi/grant-table.h"
#include "abi/memory.h"
#include "gk/grant.h"
#include "gk/hypercall.h"
#include "gk/mm.h"
#include "gk/test.h"

GK_TEST_INFO("hostile-gnttab-flip", "a granter rewriting its entry gets only what it offered");

#define REF 8

static volatile struct grant_entry_v1 *gt;

static void set(uint16_t flags, uint16_t dom, uint64_t frame)
{
    gt[REF].flags = 0;
    gt[REF].domid = dom;
    gt[REF].frame = (uint32_t)frame;
    __atomic_thread_fence(__ATOMIC_SEQ_CST);
    gt[REF].flags = flags;
}

static int16_t map(uint32_t flags, uint64_t va, uint32_t *h, uint64_t *dev)
{
    struct gnttab_map_grant_ref m = { .host_addr = va, .flags = flags,
                                      .ref = REF, .dom = 0, .status = 99 };

    check_rc(gk_grant_map(&m), 0, "map rc");
    *h = m.handle;
    *dev = m.dev_bus_addr;
    return m.status;
}

static void unmap(uint32_t h, uint64_t va, uint64_t dev)
{
    struct gnttab_unmap_grant_ref u = { .host_addr = va, .handle = h,
                                        .dev_bus_addr = dev, .status = 99 };

    check_rc(gk_grant_unmap(&u), 0, "unmap rc");
    check_eq(u.status, GNTST_okay, "unmap status");
}

static int16_t copy_from(uint64_t dst)
{
    struct gnttab_copy op;

    gk_grant_copy_op(&op, true, REF, 0, 0, false, dst, DOMID_SELF, 0, 8);
    check_rc(gk_grant_copy(&op), 0, "copy rc");
    return op.status;
}

static int16_t copy_to(uint64_t src)
{
    struct gnttab_copy op;

    gk_grant_copy_op(&op, false, src, DOMID_SELF, 16, true, REF, 0, 16, 8);
    check_rc(gk_grant_copy(&op), 0, "copy rc");
    return op.status;
}

int main(void)
{
    uint64_t a = gk_mm_alloc(), b = gk_mm_alloc(), c = gk_mm_alloc();
    uint64_t va = gk_mm_slot_va(22), dev, dev2, v;
    volatile uint64_t *pa, *pb, *pc;
    uint32_t h, h2;

    if (gk_grant_init(1))
        test_error("setting up the grant table");
    gt = gk_grant_table();
    pa = gk_mm_map_or_die(20, a, GK_PT_DATA);
    pb = gk_mm_map_or_die(21, b, GK_PT_DATA);
    pc = gk_mm_map_or_die(23, c, GK_PT_DATA);
    pa[0] = 0xAAAA;
    pb[0] = 0xBBBB;

    for (int i = 0; i < 200; i++) {
        switch (i % 5) {
        case 0: /* RW, frame A */
            set(GTF_permit_access, 0, a);
            check_eq(map(GNTMAP_host_map, va, &h, &dev), GNTST_okay,
                     "RW map of (RW, A)");
            check(gk_mm_try_read(va, &v) && v == 0xAAAA, "maps A");
            check(gk_mm_try_write(va + 8, i), "writable");
            unmap(h, va, 0);
            check_eq(copy_to(c), GNTST_okay, "copy into (RW, A)");
            break;
        case 1: /* RO, frame B */
            set(GTF_permit_access | GTF_readonly, 0, b);
            check_eq(map(GNTMAP_host_map, va, &h, &dev),
                     GNTST_general_error, "RW map of (RO, B)");
            check_eq(map(GNTMAP_host_map | GNTMAP_readonly, va, &h, &dev),
                     GNTST_okay, "RO map of (RO, B)");
            check(gk_mm_try_read(va, &v) && v == 0xBBBB, "maps B");
            check(!gk_mm_try_write(va, 1), "not writable");
            unmap(h, va, 0);
            check_eq(copy_to(c), GNTST_general_error, "copy into (RO, B)");
            pc[0] = 0;
            check_eq(copy_from(c), GNTST_okay, "copy from (RO, B)");
            check_eq(pc[0], 0xBBBB, "copied B");
            break;
        case 2: /* RW, frame A, for another domain */
            set(GTF_permit_access, 5, a);
            check_eq(map(GNTMAP_host_map | GNTMAP_readonly, va, &h, &dev),
                     GNTST_general_error, "map of an entry for d5");
            check_eq(copy_from(c), GNTST_general_error, "copy, d5");
            break;
        case 3:
            set(GTF_invalid, 0, a);
            check_eq(map(GNTMAP_device_map, 0, &h, &dev),
                     GNTST_general_error, "map of an invalid entry");
            check_eq(copy_from(c), GNTST_general_error, "copy, invalid");
            break;
        case 4:
            set(GTF_accept_transfer, 0, a);
            check_eq(map(GNTMAP_device_map, 0, &h, &dev),
                     GNTST_general_error, "map of a transfer entry");
            break;
        }
        check_eq(gt[REF].flags & (GTF_reading | GTF_writing), 0,
                 "no state bits left behind");
    }

    /* Pinned: the frame stays the one the first map saw. */
    set(GTF_permit_access, 0, a);
    check_eq(map(GNTMAP_host_map | GNTMAP_readonly, va, &h, &dev),
             GNTST_okay, "pin A");
    gt[REF].frame = (uint32_t)b;
    check_eq(map(GNTMAP_device_map, 0, &h2, &dev2), GNTST_okay,
             "second map after the frame changed");
    check_eq(dev2, a << 12, "second map got the pinned frame");
    pc[0] = 0;
    check_eq(copy_from(c), GNTST_okay, "copy while pinned");
    check_eq(pc[0], 0xAAAA, "copy used the pinned frame");
    unmap(h2, 0, dev2);
    unmap(h, va, 0);
    check_eq(map(GNTMAP_device_map | GNTMAP_readonly, 0, &h, &dev),
             GNTST_okay, "map once unpinned");
    check_eq(dev, b << 12, "unpinned entry: the new frame");
    unmap(h, 0, dev);
    check_eq(pb[0], 0xBBBB, "B unchanged");
    return 0;
}
