/* SPDX-License-Identifier: MIT */
/*
 * Invariant: the handles (maptrack) a domain can hold are bounded and
 * every one comes back (hostile-guests.md test 34). Device mappings (no
 * VA needed; 128 read-only and 128 writable per entry) are made until a
 * map fails: that is GNTST_no_space after 262143 (Xen 4.17: 1024 frames
 * of 256 handles, one kept back) or 262144 (hv) handles. Unmapping all
 * of them clears every entry's flags, and the same number can be mapped
 * again.
 */
#include "abi/errno.h"
#include "abi/grant-table.h"
#include "abi/memory.h"
#include "gk/grant.h"
#include "gk/hypercall.h"
#include "gk/mm.h"
#include "gk/test.h"
#include "gk/vm.h"

GK_TEST_INFO("hostile-gnttab-maptrack", "maptrack exhaustion and release");

#define PER_REF 256
#define MAX_HANDLES 262144UL
#define NR_REFS (MAX_HANDLES / PER_REF + 2)

static struct gnttab_map_grant_ref *m;
static uint32_t *handles;

static unsigned long map_all(uint64_t a, int16_t *last)
{
    unsigned long n = 0;

    *last = GNTST_okay;
    for (uint32_t r = 0; r < NR_REFS && !*last; r++) {
        for (int k = 0; k < PER_REF; k++)
            m[k] = (struct gnttab_map_grant_ref){
                .flags = GNTMAP_device_map | (k & 1 ? GNTMAP_readonly : 0),
                .ref = 8 + r, .dom = 0, .status = 99 };
        if (HYPERVISOR_grant_table_op(GNTTABOP_map_grant_ref, m, PER_REF))
            test_error("map batch failed");
        for (int k = 0; k < PER_REF; k++) {
            if (m[k].status) {
                *last = m[k].status;
                break;
            }
            check_eq(m[k].dev_bus_addr, a << 12, "dev_bus_addr");
            handles[n++] = m[k].handle;
        }
    }
    return n;
}

static void unmap_all(uint64_t a, unsigned long n)
{
    struct gnttab_unmap_grant_ref *u = (void *)m;
    bool ok = true;

    for (unsigned long i = 0; i < n; i += PER_REF) {
        unsigned long c = n - i < PER_REF ? n - i : PER_REF;

        for (unsigned long k = 0; k < c; k++)
            u[k] = (struct gnttab_unmap_grant_ref){
                .dev_bus_addr = a << 12, .handle = handles[i + k],
                .status = 99 };
        if (HYPERVISOR_grant_table_op(GNTTABOP_unmap_grant_ref, u, c))
            test_error("unmap batch failed");
        for (unsigned long k = 0; k < c; k++)
            ok &= u[k].status == GNTST_okay;
    }
    check(ok, "every unmap succeeded");
}

int main(void)
{
    uint64_t a = gk_mm_alloc();
    unsigned long n, again;
    int16_t last;
    bool clear = true;

    if (gk_grant_init(3))
        test_error("setting up the grant table");
    m = gk_vm_alloc(PER_REF * sizeof(*m) / 4096, 0);
    handles = gk_vm_alloc((MAX_HANDLES + 1) * 4 / 4096 + 1, 0);
    if (!m || !handles)
        test_error("no memory");
    for (uint32_t r = 0; r < NR_REFS; r++)
        if (gk_grant_access(0, a, false) != 8 + r)
            test_error("granting refs in order");

    n = map_all(a, &last);
    check_eq(last, GNTST_no_space, "status when handles run out");
    check(n == MAX_HANDLES - 1 || n == MAX_HANDLES,
          "handles before exhaustion: %lu", n);
    unmap_all(a, n);
    for (uint32_t r = 0; r < NR_REFS; r++)
        clear &= gk_grant_table()[8 + r].flags == GTF_permit_access;
    check(clear, "every entry's flags cleared");

    again = map_all(a, &last);
    check_eq(again, n, "as many handles the second time");
    check_eq(last, GNTST_no_space, "exhausted again");
    unmap_all(a, again);
    for (uint32_t r = 0; r < NR_REFS; r++)
        check_rc(gk_grant_end_access(8 + r), 0, "end access");
    return 0;
}
