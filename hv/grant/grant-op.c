/* SPDX-License-Identifier: MIT */
/*
 * grant_table_op (20): copy each op in once, resolve domains and
 * privilege, run the portable operation under the grant lock, copy the
 * OUT fields back, log refusals. Batches are preemptible.
 */
#include "grant/grant.h"
#include "hypercall/continuation.h"
#include "hypercall/guest-copy.h"
#include "hypercall/hypercall.h"
#include "console/console.h"
#include "domain/domain.h"

#include <abi/grant-table.h>
#include <abi/hypercall.h>
#include <abi/memory.h>
#include <hv/compiler.h>
#include <hv/errno.h>
#include <stddef.h>

/* cmd bits above these are a continuation argument (cache_flush only). */
#define GNTTABOP_CMD_MASK 0xFFFU

static const char *const op_names[] = {
    "map_grant_ref", "unmap_grant_ref", "setup_table", "dump_table",
    "transfer", "copy", "query_size", "unmap_and_replace", "set_version",
    "get_status_frames", "get_version", "swap_grant_ref", "cache_flush",
};

/* Copy one OUT field of element i of a batch back to the guest. */
#define PUT_FIELD(arr, i, type, field, val)                                 \
    copy_to_guest((arr) + (i) * sizeof(type) + offsetof(type, field),      \
                  &(val), sizeof(val))

/* DOMID_SELF or a live domain; NULL if none. */
static struct domain *lookup(struct vcpu *v, uint16_t dom)
{
    return dom == DOMID_SELF ? v->domain : domain_lookup(dom);
}

/*
 * The domain a table op names: a GNTST_ status. Another domain's table
 * needs privilege.
 */
static int16_t target(struct vcpu *v, uint16_t dom, struct domain **out)
{
    *out = lookup(v, dom);
    if (!*out || !(*out)->grant)
        return GNTST_bad_domain;
    if (*out != v->domain && !is_privileged(v->domain))
        return GNTST_permission_denied;
    return GNTST_okay;
}

/* ------------------------------------------------------ batched ops */

/* GNTTABOP_map_grant_ref, element i. */
static long gnttab_op_map(struct vcpu *v, uint64_t arr, uint64_t i)
{
    struct gnttab_map_grant_ref op;
    struct gnttab_env env = grant_env(v);
    struct gnttab_map_res res = { 0 };
    struct gnttab_map_req req;
    struct domain *rd;
    const char *why = "";
    int16_t st;

    if (copy_from_guest_idx(&op, arr, i, sizeof(op)))
        return -EFAULT;
    req = (struct gnttab_map_req){ .host_addr = op.host_addr,
                                   .flags = op.flags, .ref = op.ref,
                                   .dom = op.dom };
    rd = lookup(v, op.dom);
    req.dom = rd ? rd->domain_id : DOMID_INVALID;
    grant_lock();
    grant_maptrack_grow(v->domain->grant);
    st = gnttab_map(&env, v->domain->grant, &req, &res, &why);
    grant_unlock();
    if (st) {
        gdebug(v, "grant map: d%u ref %u flags %#x addr %#lx: %s",
             op.dom, op.ref, op.flags, op.host_addr, why);
        return PUT_FIELD(arr, i, struct gnttab_map_grant_ref, status, st)
                   ? -EFAULT : 0;
    }
    op.status = st;
    op.handle = res.handle;
    op.dev_bus_addr = res.dev_bus_addr;
    /* On -EFAULT the mapping stays; the guest lost its handle. */
    if (PUT_FIELD(arr, i, struct gnttab_map_grant_ref, status, op.status) ||
        PUT_FIELD(arr, i, struct gnttab_map_grant_ref, handle, op.handle) ||
        PUT_FIELD(arr, i, struct gnttab_map_grant_ref, dev_bus_addr,
                  op.dev_bus_addr))
        return -EFAULT;
    return 0;
}

/* GNTTABOP_unmap_grant_ref, element i. */
static long gnttab_op_unmap(struct vcpu *v, uint64_t arr, uint64_t i)
{
    struct gnttab_unmap_grant_ref op;
    struct gnttab_env env = grant_env(v);
    const char *why = "";
    int16_t st;

    if (copy_from_guest_idx(&op, arr, i, sizeof(op)))
        return -EFAULT;
    grant_lock();
    st = gnttab_unmap(&env, v->domain->grant, op.handle, op.host_addr,
                      op.dev_bus_addr, &why);
    grant_unlock();
    if (st)
        gdebug(v, "grant unmap: handle %#x addr %#lx dev %#lx: %s",
             op.handle, op.host_addr, op.dev_bus_addr, why);
    return PUT_FIELD(arr, i, struct gnttab_unmap_grant_ref, status, st)
               ? -EFAULT : 0;
}

/* GNTTABOP_copy, element i. */
static long gnttab_op_copy(struct vcpu *v, uint64_t arr, uint64_t i)
{
    struct gnttab_copy op;
    struct gnttab_env env = grant_env(v);
    struct gnttab_copy_side src, dst;
    const char *why = "";
    int16_t st;

    if (copy_from_guest_idx(&op, arr, i, sizeof(op)))
        return -EFAULT;
    src = (struct gnttab_copy_side){
        .ref_or_frame = op.flags & GNTCOPY_source_gref ? op.source.u.ref
                                                       : op.source.u.gmfn,
        .domid = op.source.domid, .offset = op.source.offset };
    dst = (struct gnttab_copy_side){
        .ref_or_frame = op.flags & GNTCOPY_dest_gref ? op.dest.u.ref
                                                     : op.dest.u.gmfn,
        .domid = op.dest.domid, .offset = op.dest.offset };
    grant_lock();
    st = gnttab_copy(&env, v->domain->grant, &src, &dst, op.len, op.flags,
                     &why);
    grant_unlock();
    if (st)
        gdebug(v, "grant copy: %#lx of d%u +%u -> %#lx of d%u +%u, len "
             "%u, flags %#x: %s", src.ref_or_frame, src.domid, src.offset,
             dst.ref_or_frame, dst.domid, dst.offset, op.len, op.flags, why);
    return PUT_FIELD(arr, i, struct gnttab_copy, status, st) ? -EFAULT : 0;
}

typedef long (*batch_fn)(struct vcpu *v, uint64_t arr, uint64_t i);

/*
 * Run fn on count elements of size bytes at arr; a fault on an element
 * ends the batch with -EFAULT (the elements before it are done). Every
 * HYPERCALL_BUDGET elements the call may stop and resume where it was.
 */
static long batch(struct vcpu *v, unsigned int cmd, uint64_t arr,
                  uint32_t count, size_t size, batch_fn fn)
{
    long rc;

    if (!guest_range_ok(arr, (uint64_t)count * size))
        return gerr(v, -EFAULT, "grant_table_op %s: %u ops at %#lx are "
                    "not guest memory", op_names[cmd], count, arr);
    for (uint32_t i = 0; i < count; i++) {
        if (i && i % HYPERCALL_BUDGET == 0 && hypercall_may_preempt(v))
            return hypercall_continue(__HYPERVISOR_grant_table_op, cmd,
                                      arr + i * size, count - i, 0, 0);
        rc = fn(v, arr, i);
        if (rc)
            return gerr(v, rc, "grant_table_op %s: op %u at %#lx "
                        "unreadable or unwritable", op_names[cmd], i,
                        arr + i * size);
    }
    return 0;
}

/* ------------------------------------------------------ table ops */

/*
 * GNTTABOP_setup_table: grow the table of op.dom to op.nr_frames frames
 * and write their MFNs to op.frame_list. Status: bad_domain,
 * permission_denied (another domain, unprivileged), general_error (more
 * than the maximum, or no memory), bad_virt_addr (frame_list unwritable).
 */
static long gnttab_op_setup_table(struct vcpu *v, uint64_t arg)
{
    struct gnttab_setup_table op;
    struct domain *d;
    int16_t st;

    if (copy_from_guest(&op, arg, sizeof(op)))
        return -EFAULT;
    st = target(v, op.dom, &d);
    if (st) {
        gdebug(v, "grant setup_table: d%u: no such domain or not ours",
             op.dom);
        goto out;
    }
    grant_lock();
    if (op.nr_frames > d->grant->max_frames) {
        st = GNTST_general_error;
        gdebug(v, "grant setup_table: %u frames, at most %u", op.nr_frames,
             d->grant->max_frames);
    } else if (grant_grow(d, op.nr_frames)) {
        st = GNTST_general_error;
        gdebug(v, "grant setup_table: no memory for %u frames",
             op.nr_frames);
    }
    for (uint32_t i = 0; !st && i < op.nr_frames; i++) {
        uint64_t mfn = d->grant->shared_mfn[i];

        if (copy_to_guest_idx(op.frame_list, i, &mfn, sizeof(mfn))) {
            st = GNTST_bad_virt_addr;
            gdebug(v, "grant setup_table: frame_list %#lx unwritable",
                 op.frame_list);
        }
    }
    grant_unlock();
out:
    return PUT_FIELD(arg, 0, struct gnttab_setup_table, status, st)
               ? -EFAULT : 0;
}

/*
 * GNTTABOP_query_size: frames of op.dom's table and its maximum. Status:
 * bad_domain, permission_denied (another domain, unprivileged).
 */
static long gnttab_op_query_size(struct vcpu *v, uint64_t arg)
{
    struct gnttab_query_size op;
    struct domain *d;

    if (copy_from_guest(&op, arg, sizeof(op)))
        return -EFAULT;
    op.status = target(v, op.dom, &d);
    if (!op.status) {
        grant_lock();
        op.nr_frames = d->grant->nr_frames;
        op.max_nr_frames = d->grant->max_frames;
        grant_unlock();
    } else {
        gdebug(v, "grant query_size: d%u: no such domain or not ours",
             op.dom);
    }
    return copy_to_guest(arg, &op, sizeof(op)) ? -EFAULT : 0;
}

/*
 * GNTTABOP_set_version: only version 1 exists. 0 for 1; -ENOSYS for 2
 * (as Xen when version 2 is not allowed); -EINVAL for others. The version
 * in use (1) is written back in every case.
 *   -EFAULT  op unreadable or unwritable
 */
static long gnttab_op_set_version(struct vcpu *v, uint64_t arg)
{
    struct gnttab_set_version op;
    long rc = 0;

    if (copy_from_guest(&op, arg, sizeof(op)))
        return -EFAULT;
    if (op.version == 2)
        rc = gerr(v, -ENOSYS, "grant set_version: only version 1");
    else if (op.version != 1)
        rc = gerr(v, -EINVAL, "grant set_version: no version %u",
                  op.version);
    op.version = 1;
    return copy_to_guest(arg, &op, sizeof(op)) ? -EFAULT : rc;
}

/*
 * GNTTABOP_get_version: the version op.dom uses (always 1).
 *   -ESRCH   no such domain
 *   -EPERM   another domain, unprivileged
 *   -EFAULT  op unreadable or unwritable
 */
static long gnttab_op_get_version(struct vcpu *v, uint64_t arg)
{
    struct gnttab_get_version op;
    struct domain *d;

    if (copy_from_guest(&op, arg, sizeof(op)))
        return -EFAULT;
    d = lookup(v, op.dom);
    if (!d)
        return gerr(v, -ESRCH, "grant get_version: no domain %u", op.dom);
    if (d != v->domain && !is_privileged(v->domain))
        return gerr(v, -EPERM, "grant get_version: d%u is not ours",
                    op.dom);
    op.version = 1;
    return copy_to_guest(arg, &op, sizeof(op)) ? -EFAULT : 0;
}

/*
 * grant_table_op(cmd, uop, count): count ops of kind cmd at uop.
 *   map_grant_ref, unmap_grant_ref, copy: batches, status per op;
 *     -EFAULT if the array is not guest memory or an op unreadable
 *   setup_table, query_size: count must be 1 (-EINVAL)
 *   set_version, get_version: one op, count ignored (as Xen)
 *   -EINVAL  count above INT_MAX, or bits above the op in cmd
 *   -ENOSYS  dump_table, transfer, unmap_and_replace, get_status_frames,
 *            swap_grant_ref, cache_flush (not in hv) and unknown ops
 */
long hc_grant_table_op(struct vcpu *v, uint64_t cmd, uint64_t uop,
                       uint64_t count64, uint64_t a4, uint64_t a5)
{
    uint32_t count = (uint32_t)count64;
    unsigned int op = (uint32_t)cmd & GNTTABOP_CMD_MASK;

    if ((uint32_t)cmd & ~GNTTABOP_CMD_MASK)
        return gerr(v, -EINVAL, "grant_table_op: cmd %#lx has bits above "
                    "the op", cmd);
    if ((int32_t)count < 0)
        return gerr(v, -EINVAL, "grant_table_op: count %#x", count);
    if (!v->domain->grant)
        return gerr(v, -ENOSYS, "grant_table_op: domain has no table");

    switch (op) {
    case GNTTABOP_map_grant_ref:
        return batch(v, op, uop, count, sizeof(struct gnttab_map_grant_ref),
                     gnttab_op_map);
    case GNTTABOP_unmap_grant_ref:
        return batch(v, op, uop, count,
                     sizeof(struct gnttab_unmap_grant_ref), gnttab_op_unmap);
    case GNTTABOP_copy:
        return batch(v, op, uop, count, sizeof(struct gnttab_copy),
                     gnttab_op_copy);
    case GNTTABOP_setup_table:
    case GNTTABOP_query_size:
        if (count != 1)
            return gerr(v, -EINVAL, "grant_table_op %s: count %u, not 1",
                        op_names[op], count);
        return op == GNTTABOP_setup_table ? gnttab_op_setup_table(v, uop)
                                          : gnttab_op_query_size(v, uop);
    case GNTTABOP_set_version:
        return gnttab_op_set_version(v, uop);
    case GNTTABOP_get_version:
        return gnttab_op_get_version(v, uop);
    default:
        return gerr(v, -ENOSYS, "grant_table_op: op %u%s%s not supported",
                    op, op < ARRAY_SIZE(op_names) ? " " : "",
                    op < ARRAY_SIZE(op_names) ? op_names[op] : "");
    }
}
