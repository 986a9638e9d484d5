/* SPDX-License-Identifier: MIT */
/* Grant tables from the guest's side (gk/grant.h). */
#include "gk/grant.h"
#include "gk/hypercall.h"
#include "gk/mm.h"
#include "gk/vm.h"

#include "abi/errno.h"
#include "abi/memory.h"

#define MAX_FRAMES 64
#define PER_FRAME  512

static volatile struct grant_entry_v1 *table;
static unsigned int nr_frames;
static uint64_t mfns[MAX_FRAMES];
/* Refs handed out by gk_grant_access and not yet ended. */
static uint8_t in_use[MAX_FRAMES * PER_FRAME / 8];

long gk_grant_init(unsigned int nr)
{
    struct gnttab_setup_table op = { .dom = DOMID_SELF, .nr_frames = nr,
                                     .frame_list = (uint64_t)mfns };
    void *va;
    long rc;

    if (nr > MAX_FRAMES)
        return -XEN_EINVAL;
    if (nr <= nr_frames)
        return 0;
    rc = HYPERVISOR_grant_table_op(GNTTABOP_setup_table, &op, 1);
    if (rc)
        return rc;
    if (op.status)
        return -1000 + op.status;
    /* Map all frames afresh at one VA range: the table stays contiguous. */
    va = gk_vm_reserve(nr);
    if (!va)
        return -XEN_ENOMEM;
    rc = gk_vm_map(va, mfns, nr, GK_PT_DATA);
    if (rc) {
        gk_vm_release(va, nr);
        return rc;
    }
    if (table) {
        gk_vm_unmap((void *)table, nr_frames, NULL);
        gk_vm_release((void *)table, nr_frames);
    }
    table = va;
    nr_frames = nr;
    return 0;
}

volatile struct grant_entry_v1 *gk_grant_table(void)
{
    return table;
}

unsigned int gk_grant_nr_entries(void)
{
    return nr_frames * PER_FRAME;
}

uint64_t gk_grant_frame_mfn(unsigned int i)
{
    return i < nr_frames ? mfns[i] : 0;
}

long gk_grant_access(uint16_t domid, uint64_t mfn, bool readonly)
{
    for (uint32_t ref = GNTTAB_NR_RESERVED_ENTRIES;
         ref < gk_grant_nr_entries(); ref++) {
        if (in_use[ref / 8] & (1U << (ref % 8)))
            continue;
        in_use[ref / 8] |= 1U << (ref % 8);
        table[ref].domid = domid;
        table[ref].frame = (uint32_t)mfn;
        /* The hypervisor must see domid and frame before the flags. */
        __atomic_thread_fence(__ATOMIC_RELEASE);
        table[ref].flags = GTF_permit_access | (readonly ? GTF_readonly : 0);
        return ref;
    }
    return -XEN_ENOSPC;
}

long gk_grant_end_access(uint32_t ref)
{
    volatile uint16_t *flags;
    uint16_t old;

    if (ref >= gk_grant_nr_entries())
        return -XEN_EINVAL;
    flags = &table[ref].flags;
    old = *flags;
    do {
        if (old & (GTF_reading | GTF_writing))
            return -XEN_EBUSY;
    } while (!__atomic_compare_exchange_n(flags, &old, 0, false,
                                          __ATOMIC_SEQ_CST,
                                          __ATOMIC_SEQ_CST));
    in_use[ref / 8] &= ~(1U << (ref % 8));
    return 0;
}

long gk_grant_map(struct gnttab_map_grant_ref *op)
{
    return HYPERVISOR_grant_table_op(GNTTABOP_map_grant_ref, op, 1);
}

long gk_grant_unmap(struct gnttab_unmap_grant_ref *op)
{
    return HYPERVISOR_grant_table_op(GNTTABOP_unmap_grant_ref, op, 1);
}

long gk_grant_copy(struct gnttab_copy *op)
{
    return HYPERVISOR_grant_table_op(GNTTABOP_copy, op, 1);
}

void gk_grant_copy_op(struct gnttab_copy *op, bool src_gref, uint64_t src,
                      uint16_t src_dom, uint16_t src_off, bool dst_gref,
                      uint64_t dst, uint16_t dst_dom, uint16_t dst_off,
                      uint16_t len)
{
    *op = (struct gnttab_copy){ .len = len, .status = 1 };
    if (src_gref)
        op->source.u.ref = (uint32_t)src;
    else
        op->source.u.gmfn = src;
    if (dst_gref)
        op->dest.u.ref = (uint32_t)dst;
    else
        op->dest.u.gmfn = dst;
    op->source.domid = src_dom;
    op->source.offset = src_off;
    op->dest.domid = dst_dom;
    op->dest.offset = dst_off;
    op->flags = (src_gref ? GNTCOPY_source_gref : 0) |
                (dst_gref ? GNTCOPY_dest_gref : 0);
}
