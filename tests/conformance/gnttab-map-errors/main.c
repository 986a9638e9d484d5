/* SPDX-License-Identifier: MIT */
/*
 * Pins the statuses of map_grant_ref and unmap_grant_ref (docs/abi.md,
 * ### 20): neither host_map nor device_map or a ref beyond the table is
 * GNTST_bad_gntref; an unknown granter GNTST_bad_domain; an entry
 * granting another domain, an invalid entry, a writable map of a
 * read-only grant or of a page table, a host address with no L1 or a PTE
 * address (contains_pte) of 0 GNTST_general_error; a frame that is not
 * RAM GNTST_bad_page. On failure only status is written. Unmap: unknown
 * handles are GNTST_bad_handle, the wrong VA GNTST_general_error (the
 * mapping stays), the wrong dev_bus_addr GNTST_bad_dev_addr.
 */
#include "abi/errno.h"
#include "abi/grant-table.h"
#include "abi/memory.h"
#include "gk/grant.h"
#include "gk/hypercall.h"
#include "gk/mm.h"
#include "gk/test.h"

GK_TEST_INFO("gnttab-map-errors", "map and unmap error statuses");

static struct gnttab_map_grant_ref m;

static int16_t map(uint32_t flags, uint32_t ref, uint16_t dom, uint64_t va)
{
    m = (struct gnttab_map_grant_ref){ .host_addr = va, .flags = flags,
                                       .ref = ref, .dom = dom,
                                       .status = 99, .handle = 0xdead,
                                       .dev_bus_addr = 0x5a5a };
    check_rc(gk_grant_map(&m), 0, "map rc");
    if (m.status) {
        check_eq(m.handle, 0xdead, "handle untouched on failure");
        check_eq(m.dev_bus_addr, 0x5a5a, "dev_bus_addr untouched");
    }
    return m.status;
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
    uint64_t a = gk_mm_alloc(), va = gk_mm_slot_va(22);
    const uint32_t H = GNTMAP_host_map, RO = GNTMAP_readonly;
    long ra, rro, rother, rbad, rl4;
    uint32_t h;

    if (gk_grant_init(1))
        test_error("setting up the grant table");
    ra = gk_grant_access(0, a, false);
    rro = gk_grant_access(0, a, true);
    rother = gk_grant_access(5, a, false);
    rbad = gk_grant_access(0, 0x7ffffffUL, false);
    rl4 = gk_grant_access(0, gk_mm_l4_mfn(), false);
    if (ra < 0 || rro < 0 || rother < 0 || rbad < 0 || rl4 < 0)
        test_error("granting frames");

    check_eq(map(0, ra, 0, va), GNTST_bad_gntref, "flags 0");
    check_eq(map(GNTMAP_readonly, ra, 0, va), GNTST_bad_gntref,
             "only GNTMAP_readonly");
    check_eq(map(H, 512, 0, va), GNTST_bad_gntref, "ref 512");
    check_eq(map(H, ra, 33, va), GNTST_bad_domain, "granter d33");
    check_eq(map(H, rother, 0, va), GNTST_general_error,
             "entry granting d5");
    check_eq(map(H, 3, 0, va), GNTST_general_error, "invalid entry");
    check_eq(map(H, rro, 0, va), GNTST_general_error,
             "RW map of a read-only grant");
    check_eq(map(H, rbad, 0, va), GNTST_bad_page, "frame not RAM");
    check_eq(map(H, rl4, 0, va), GNTST_general_error, "RW map of an L4");
    check_eq(map(H, ra, 0, 0x7f0000000000UL), GNTST_general_error,
             "VA with no L1");
    check_eq(map(H, ra, 0, 0x800000000000UL), GNTST_general_error,
             "non-canonical VA");
    check_eq(map(H | GNTMAP_contains_pte, ra, 0, 0), GNTST_general_error,
             "contains_pte at machine address 0");
    check_eq(gk_grant_table()[ra].flags, GTF_permit_access,
             "failed maps leave no flags");

    check_eq(map(H | RO, rl4, 0, va), GNTST_okay, "RO map of an L4");
    check_eq(unmap(m.handle, va, 0), GNTST_okay, "unmap RO L4");
    check_eq(unmap(0xffffffffU, va, 0), GNTST_bad_handle,
             "handle 0xffffffff");
    check_eq(unmap(0x12345, va, 0), GNTST_bad_handle, "handle 0x12345");

    check_eq(map(H | GNTMAP_device_map, ra, 0, va), GNTST_okay, "map");
    h = m.handle;
    check_eq(unmap(h, gk_mm_slot_va(23), 0), GNTST_general_error,
             "unmap at a VA that does not map the frame");
    check_eq(unmap(h, 0x7f0000000000UL, 0), GNTST_general_error,
             "unmap at a VA with no L1");
    check_eq(unmap(h, 0, (a << 12) + 0x1000), GNTST_bad_dev_addr,
             "wrong dev_bus_addr");
    check_eq(gk_grant_table()[ra].flags,
             GTF_permit_access | GTF_reading | GTF_writing,
             "mapping still there after failed unmaps");
    check_eq(unmap(h, va, a << 12), GNTST_okay, "unmap both parts");
    check_eq(gk_grant_table()[ra].flags, GTF_permit_access, "unmapped");
    return 0;
}
