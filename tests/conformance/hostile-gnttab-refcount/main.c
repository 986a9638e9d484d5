/* SPDX-License-Identifier: MIT */
/*
 * Invariant: each grant mapping holds exactly the references it needs and
 * gives them all back (hostile-guests.md test 30, XSA-224/234/394).
 * 10000 cycles of a writable host+device map undone in two unmaps, of a
 * read-only map, and of writable copies leave no writable reference: the
 * frame can then be pinned as an L1 table. While a writable grant
 * mapping exists the pin is refused (-EINVAL); a read-only one does not
 * stop it; while the frame is a pinned L1 a writable map or copy into it
 * fails (GNTST_general_error) and a read-only map works.
 */
#include "abi/errno.h"
#include "abi/grant-table.h"
#include "abi/memory.h"
#include "abi/mmu.h"
#include "gk/grant.h"
#include "gk/hypercall.h"
#include "gk/mm.h"
#include "gk/test.h"

GK_TEST_INFO("hostile-gnttab-refcount", "grant mappings give back every reference");

#define CYCLES 10000

static struct gnttab_map_grant_ref m;

static int16_t map(uint32_t flags, uint32_t ref, uint64_t va)
{
    m = (struct gnttab_map_grant_ref){ .host_addr = va, .flags = flags,
                                       .ref = ref, .dom = 0, .status = 99 };
    if (gk_grant_map(&m))
        test_error("map hypercall failed");
    return m.status;
}

static int16_t unmap(uint32_t h, uint64_t va, uint64_t dev)
{
    struct gnttab_unmap_grant_ref u = { .host_addr = va, .handle = h,
                                        .dev_bus_addr = dev, .status = 99 };

    if (gk_grant_unmap(&u))
        test_error("unmap hypercall failed");
    return u.status;
}

int main(void)
{
    uint64_t a = gk_mm_alloc(), b = gk_mm_alloc(), va = gk_mm_slot_va(22);
    struct gnttab_copy op;
    unsigned int bad = 0;
    long ref;

    if (gk_grant_init(1))
        test_error("setting up the grant table");
    ref = gk_grant_access(0, a, false);
    if (ref < 0)
        test_error("granting a frame");

    for (int i = 0; i < CYCLES; i++) {
        bad += map(GNTMAP_host_map | GNTMAP_device_map, ref, va) != 0;
        bad += unmap(m.handle, va, 0) != 0;
        bad += unmap(m.handle, 0, a << 12) != 0;
        bad += map(GNTMAP_host_map | GNTMAP_readonly, ref, va) != 0;
        bad += unmap(m.handle, va, 0) != 0;
        gk_grant_copy_op(&op, false, b, DOMID_SELF, 0, true, ref, 0, 0, 64);
        bad += gk_grant_copy(&op) != 0 || op.status;
    }
    check_eq(bad, 0, "failed ops in the cycles");
    check_eq(gk_grant_table()[ref].flags, GTF_permit_access,
             "flags after the cycles");
    check_rc(gk_mm_pin(1, a), 0, "pin the frame as L1 after the cycles");
    check_rc(gk_mm_unpin(a), 0, "unpin");

    check_eq(map(GNTMAP_host_map, ref, va), GNTST_okay, "RW map");
    check_rc(gk_mm_pin(1, a), -XEN_EINVAL, "pin while mapped writable");
    check_eq(unmap(m.handle, va, 0), GNTST_okay, "unmap RW");
    check_eq(map(GNTMAP_device_map, ref, 0), GNTST_okay, "RW device map");
    check_rc(gk_mm_pin(1, a), -XEN_EINVAL,
             "pin while device-mapped writable");
    check_eq(unmap(m.handle, 0, a << 12), GNTST_okay, "unmap device");

    check_eq(map(GNTMAP_host_map | GNTMAP_readonly, ref, va), GNTST_okay,
             "RO map");
    check_rc(gk_mm_pin(1, a), 0, "pin while mapped read-only");
    check_eq(unmap(m.handle, va, 0), GNTST_okay, "unmap RO");
    check_eq(map(GNTMAP_host_map, ref, va), GNTST_general_error,
             "RW map of a pinned L1");
    check_eq(map(GNTMAP_device_map, ref, 0), GNTST_general_error,
             "RW device map of a pinned L1");
    gk_grant_copy_op(&op, false, b, DOMID_SELF, 0, true, ref, 0, 0, 64);
    check_rc(gk_grant_copy(&op), 0, "copy rc");
    check_eq(op.status, GNTST_general_error, "copy into a pinned L1");
    check_eq(map(GNTMAP_host_map | GNTMAP_readonly, ref, va), GNTST_okay,
             "RO map of a pinned L1");
    check_eq(unmap(m.handle, va, 0), GNTST_okay, "unmap RO");
    check_rc(gk_mm_unpin(a), 0, "unpin");
    check_eq(gk_grant_table()[ref].flags, GTF_permit_access, "final flags");
    check_rc(gk_grant_end_access(ref), 0, "end access");
    return 0;
}
