/* SPDX-License-Identifier: MIT */
/* vcpu_op (24): a vCPU's timers, runstate area and vcpu_info placement. */
#include "hypercall/guest-copy.h"
#include "hypercall/hypercall.h"
#include "arch/x86/page.h"
#include "console/console.h"
#include "domain/domain.h"
#include "mm/frame.h"
#include "mm/page-ref.h"
#include "sched/vcpu-timers.h"
#include "time/vcpu-time.h"

#include <abi/vcpu.h>
#include <hv/errno.h>
#include <string.h>

#define MIN_PERIOD_NS 1000000UL     /* 1 ms */

/*
 * Move v's vcpu_info into a frame of the domain. The frame keeps a
 * writable type reference for as long as hv writes into it.
 */
static long register_vcpu_info(struct vcpu *v, uint64_t arg)
{
    struct vcpu_register_vcpu_info r;
    struct vcpu_info *new;

    if (copy_from_guest(&r, arg, sizeof(r)))
        return gerr(v, -EFAULT, "vcpu_op: %#lx unreadable", arg);
    if (v->vcpu_info_mfn != INVALID_MFN)
        return gerr(v, -EINVAL, "register_vcpu_info: already registered");
    if (r.offset > PAGE_SIZE - sizeof(struct vcpu_info))
        return gerr(v, -ENXIO, "register_vcpu_info: offset %#x crosses the "
                    "page end", r.offset);
    if (r.offset & (_Alignof(struct vcpu_info) - 1))
        return gerr(v, -ENXIO, "register_vcpu_info: offset %#x misaligned",
                    r.offset);
    if (!frame_owned_by(r.mfn, v->domain->domain_id))
        return gerr(v, -EINVAL, "register_vcpu_info: frame %#lx not owned",
                    r.mfn);
    if (!page_get_type(r.mfn, PGT_writable))
        return gerr(v, -EINVAL,
                    "register_vcpu_info: frame %#lx is a page table", r.mfn);
    new = (struct vcpu_info *)((uint8_t *)mfn_to_virt(r.mfn) + r.offset);
    memcpy(new, v->vcpu_info, sizeof(*new));
    /* Make the guest rescan everything: events may have moved with it. */
    new->evtchn_upcall_pending = 1;
    new->evtchn_pending_sel = ~0UL;
    v->vcpu_info = new;
    v->vcpu_info_mfn = r.mfn;
    vcpu_time_publish(v);
    return 0;
}

/* The ops a vCPU may only apply to itself. */
static long self_op(struct vcpu *v, uint64_t cmd, uint64_t arg)
{
    union {
        struct vcpu_set_periodic_timer p;
        struct vcpu_set_singleshot_timer s;
        struct vcpu_register_runstate_memory_area r;
        struct vcpu_register_time_memory_area t;
    } u;

    switch (cmd) {
    case VCPUOP_set_periodic_timer:
        if (copy_from_guest(&u.p, arg, sizeof(u.p)))
            return gerr(v, -EFAULT, "vcpu_op: %#lx unreadable", arg);
        if (u.p.period_ns < MIN_PERIOD_NS)
            return gerr(v, -EINVAL, "set_periodic_timer: %lu ns < 1 ms",
                        u.p.period_ns);
        vcpu_set_periodic(v, u.p.period_ns);
        return 0;
    case VCPUOP_stop_periodic_timer:
        vcpu_set_periodic(v, 0);
        return 0;
    case VCPUOP_set_singleshot_timer:
        if (copy_from_guest(&u.s, arg, sizeof(u.s)))
            return gerr(v, -EFAULT, "vcpu_op: %#lx unreadable", arg);
        vcpu_set_singleshot(v, u.s.timeout_abs_ns ? u.s.timeout_abs_ns : 1);
        return 0;
    case VCPUOP_stop_singleshot_timer:
        vcpu_set_singleshot(v, 0);
        return 0;
    case VCPUOP_register_runstate_memory_area:
        if (copy_from_guest(&u.r, arg, sizeof(u.r)))
            return gerr(v, -EFAULT, "vcpu_op: %#lx unreadable", arg);
        v->runstate_guest = u.r.addr;
        runstate_publish(v);
        return 0;
    case VCPUOP_register_vcpu_time_memory_area:
        if (copy_from_guest(&u.t, arg, sizeof(u.t)))
            return gerr(v, -EFAULT, "vcpu_op: %#lx unreadable", arg);
        v->time_guest = u.t.addr;
        vcpu_time_publish(v);
        return 0;
    case VCPUOP_register_vcpu_info:
        return register_vcpu_info(v, arg);
    default:
        return gerr(v, -ENOSYS, "vcpu_op: cmd %lu not supported", cmd);
    }
}

/*
 * vcpu_op(cmd, vcpuid, arg):
 *   is_up -> 1/0; get_runstate_info (any vCPU of the domain);
 *   set/stop_periodic_timer, set/stop_singleshot_timer,
 *   register_runstate_memory_area, register_vcpu_time_memory_area,
 *   register_vcpu_info: the calling vCPU only.
 *   -ENOENT no such vCPU; -EINVAL bad arguments or another vCPU for a
 *   self-only op; -EFAULT bad pointer; -ENOSYS other commands (bringing
 *   vCPUs up and down comes with several vCPUs per domain).
 */
long hc_vcpu_op(struct vcpu *v, uint64_t cmd, uint64_t vcpuid, uint64_t arg,
                uint64_t a4, uint64_t a5)
{
    struct domain *d = v->domain;
    struct vcpu *target;

    if (vcpuid >= d->nr_vcpus || !d->vcpu[vcpuid])
        return gerr(v, -ENOENT, "vcpu_op: no vcpu %lu", vcpuid);
    target = d->vcpu[vcpuid];

    switch (cmd) {
    case VCPUOP_is_up:
        return target->state != VCPU_OFFLINE;
    case VCPUOP_get_runstate_info:
        if (copy_to_guest(arg, &target->runstate, sizeof(target->runstate)))
            return gerr(v, -EFAULT, "vcpu_op: %#lx unwritable", arg);
        return 0;
    case VCPUOP_set_periodic_timer:
    case VCPUOP_stop_periodic_timer:
    case VCPUOP_set_singleshot_timer:
    case VCPUOP_stop_singleshot_timer:
    case VCPUOP_register_runstate_memory_area:
    case VCPUOP_register_vcpu_time_memory_area:
    case VCPUOP_register_vcpu_info:
        if (target != v)
            return gerr(v, -EINVAL, "vcpu_op: cmd %lu only on itself", cmd);
        return self_op(v, cmd, arg);
    default:
        return gerr(v, -ENOSYS, "vcpu_op: cmd %lu not supported", cmd);
    }
}
