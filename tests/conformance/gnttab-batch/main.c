/* SPDX-License-Identifier: MIT */
/*
 * Pins the batch rules of grant_table_op (docs/abi.md, ### 20): count 0
 * does nothing and returns 0; count is an unsigned int: above INT_MAX is
 * -EINVAL, 0x7fffffff ops cannot be guest memory (-EFAULT), and the high
 * half of a 64-bit count is ignored; an unmapped op array is -EFAULT;
 * bits above the op in cmd are -EINVAL; ops 13 and up -ENOSYS. A batch of
 * 1000 copies (preempted on hv every 512) completes with every status
 * and every byte right.
 */
#include "abi/errno.h"
#include "abi/grant-table.h"
#include "abi/hypercall.h"
#include "abi/memory.h"
#include "gk/grant.h"
#include "gk/hypercall.h"
#include "gk/mm.h"
#include "gk/test.h"
#include "gk/vm.h"

GK_TEST_INFO("gnttab-batch", "grant_table_op counts, arrays and long batches");

#define N 1000

static long raw(unsigned long cmd, void *uop, unsigned long count)
{
    return gk_hypercall5(__HYPERVISOR_grant_table_op, cmd,
                         (unsigned long)uop, count, 0, 0);
}

int main(void)
{
    static const unsigned int batched[] = { GNTTABOP_map_grant_ref,
                                            GNTTABOP_unmap_grant_ref,
                                            GNTTABOP_copy };
    uint64_t a = gk_mm_alloc(), b = gk_mm_alloc();
    struct gnttab_copy *ops;
    volatile uint8_t *pa, *pb;
    bool ok = true;
    long ref;

    if (gk_grant_init(1))
        test_error("setting up the grant table");
    ops = gk_vm_alloc((N * sizeof(*ops) + 4095) / 4096, 0);
    if (!ops)
        test_error("no memory for the batch");
    for (unsigned int i = 0; i < 3; i++) {
        check_rc(raw(batched[i], ops, 0), 0, "count 0");
        check_rc(raw(batched[i], (void *)0x7f0000000000UL, 0), 0,
                 "count 0, unmapped array");
        check_rc(raw(batched[i], (void *)0x7f0000000000UL, 1), -XEN_EFAULT,
                 "unmapped array");
        check_rc(raw(batched[i], ops, 0x7fffffffUL), -XEN_EFAULT,
                 "count 0x7fffffff");
        check_rc(raw(batched[i], ops, 0xffffffffUL), -XEN_EINVAL,
                 "count 0xffffffff");
        check_rc(raw(batched[i] | 1U << 12, ops, 1), -XEN_EINVAL,
                 "bit 12 of cmd");
    }
    for (unsigned int op = 13; op < 20; op++)
        check_rc(raw(op, ops, 1), -XEN_ENOSYS, "unknown op");
    check_rc(raw(100, ops, 1), -XEN_ENOSYS, "op 100");

    pa = gk_mm_map_or_die(20, a, GK_PT_DATA);
    pb = gk_mm_map_or_die(21, b, GK_PT_DATA);
    for (int i = 0; i < 4096; i++) {
        pa[i] = (uint8_t)(i ^ (i >> 8));
        pb[i] = 0;
    }
    ref = gk_grant_access(0, a, true);
    if (ref < 0)
        test_error("granting a frame");
    /* Op i copies byte (i * 4) % 4096 .. +4 of a to the same place in b. */
    for (unsigned int i = 0; i < N; i++)
        gk_grant_copy_op(&ops[i], true, ref, 0, (i * 4) % 4096, false, b,
                         DOMID_SELF, (i * 4) % 4096, 4);
    /* The high half of a 64-bit count is not part of it. */
    check_rc(raw(GNTTABOP_copy, ops, (1UL << 32) | N), 0,
             "1000 copies");
    for (unsigned int i = 0; i < N; i++)
        ok &= ops[i].status == GNTST_okay;
    check(ok, "every copy's status is okay");
    for (int i = 0; i < N * 4; i++)
        ok &= pb[i] == pa[i];
    check(ok, "every copied byte arrived");
    check_eq(gk_grant_table()[ref].flags, GTF_permit_access | GTF_readonly,
             "flags after the batch");
    return 0;
}
