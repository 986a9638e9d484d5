/* SPDX-License-Identifier: MIT */
/*
 * Pins GNTTABOP_map_grant_ref/unmap_grant_ref on a domain's own grant
 * (docs/abi.md, ### 20): a host mapping at a VA reads and writes the
 * granted frame; while mapped the entry has GTF_reading, plus
 * GTF_writing for writable mappings, and both clear on unmap;
 * dev_bus_addr is the frame's address; a host+device mapping is undone in
 * two unmaps (host part, then device part); a read-only mapping faults on
 * write; unmapping a handle twice is GNTST_bad_handle; an unmap with
 * neither address does nothing.
 */
#include "abi/errno.h"
#include "abi/grant-table.h"
#include "abi/memory.h"
#include "gk/grant.h"
#include "gk/hypercall.h"
#include "gk/mm.h"
#include "gk/test.h"
#include "gk/traps.h"

GK_TEST_INFO("gnttab-map-self", "map and unmap an own grant");

static struct gnttab_map_grant_ref map(uint32_t flags, uint32_t ref,
                                       uint64_t va)
{
    struct gnttab_map_grant_ref m = { .host_addr = va, .flags = flags,
                                      .ref = ref, .dom = 0, .status = 99 };

    check_rc(gk_grant_map(&m), 0, "map rc");
    return m;
}

static int16_t unmap(uint32_t h, uint64_t va, uint64_t dev)
{
    struct gnttab_unmap_grant_ref u = { .host_addr = va,
                                        .dev_bus_addr = dev, .handle = h,
                                        .status = 99 };

    check_rc(gk_grant_unmap(&u), 0, "unmap rc");
    return u.status;
}

int main(void)
{
    uint64_t a = gk_mm_alloc(), va = gk_mm_slot_va(22), v;
    volatile struct grant_entry_v1 *gt;
    struct gnttab_map_grant_ref m;
    volatile uint64_t *pa;
    long ref;

    if (gk_grant_init(1))
        test_error("setting up the grant table");
    gt = gk_grant_table();
    pa = gk_mm_map_or_die(20, a, GK_PT_DATA);
    pa[0] = 0x1122334455667788UL;
    ref = gk_grant_access(0, a, false);
    if (ref < 0)
        test_error("granting a frame");

    m = map(GNTMAP_host_map, ref, va);
    check_eq(m.status, GNTST_okay, "RW host map");
    check_eq(m.dev_bus_addr, a << 12, "dev_bus_addr of a host map");
    check_eq(gt[ref].flags, GTF_permit_access | GTF_reading | GTF_writing,
             "flags while mapped RW");
    check_eq(*(volatile uint64_t *)va, 0x1122334455667788UL,
             "read through the grant mapping");
    *(volatile uint64_t *)va = 0xCAFE;
    check_eq(pa[0], 0xCAFE, "write through the grant mapping");
    check_eq(unmap(m.handle, va, 0), GNTST_okay, "unmap");
    check_eq(gt[ref].flags, GTF_permit_access, "flags after unmap");
    check(!gk_mm_try_read(va, &v), "read after unmap faults");
    check_eq(unmap(m.handle, va, 0), GNTST_bad_handle, "second unmap");

    m = map(GNTMAP_host_map | GNTMAP_readonly, ref, va);
    check_eq(m.status, GNTST_okay, "RO host map");
    check_eq(gt[ref].flags, GTF_permit_access | GTF_reading,
             "flags while mapped RO");
    check(gk_mm_try_read(va, &v) && v == 0xCAFE, "read RO mapping");
    check(!gk_mm_try_write(va, 1), "write to RO mapping faults");
    check_eq(unmap(m.handle, va, 0), GNTST_okay, "unmap RO");

    m = map(GNTMAP_device_map, ref, 0);
    check_eq(m.status, GNTST_okay, "device map");
    check_eq(m.dev_bus_addr, a << 12, "dev_bus_addr");
    check_eq(unmap(m.handle, 0, 0), GNTST_okay, "unmap with no address");
    check_eq(gt[ref].flags, GTF_permit_access | GTF_reading | GTF_writing,
             "still mapped after an empty unmap");
    check_eq(unmap(m.handle, 0, m.dev_bus_addr), GNTST_okay,
             "device unmap");
    check_eq(gt[ref].flags, GTF_permit_access, "flags after device unmap");

    m = map(GNTMAP_host_map | GNTMAP_device_map, ref, va);
    check_eq(m.status, GNTST_okay, "host+device map");
    check_eq(unmap(m.handle, va, 0), GNTST_okay, "host part");
    check_eq(gt[ref].flags, GTF_permit_access | GTF_reading | GTF_writing,
             "device part still mapped");
    check_eq(unmap(m.handle, 0, a << 12), GNTST_okay, "device part");
    check_eq(gt[ref].flags, GTF_permit_access, "all parts unmapped");
    check_eq(unmap(m.handle, 0, a << 12), GNTST_bad_handle,
             "handle free after both parts");

    m = map(GNTMAP_host_map, ref, va + 5);
    check_eq(m.status, GNTST_okay, "host map at an unaligned address");
    check_eq(unmap(m.handle, va + 7, 0), GNTST_okay,
             "unmap at another address in the page");
    check_rc(gk_grant_end_access(ref), 0, "end access");
    check_rc(gk_mm_map(22, a, GK_PT_DATA), 0, "slot usable again");
    return 0;
}
