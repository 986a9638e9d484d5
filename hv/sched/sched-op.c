/* SPDX-License-Identifier: MIT */
/* sched_op (29) and its compat form (6): yield and shutdown. */
#include "hypercall/guest-copy.h"
#include "hypercall/hypercall.h"
#include "console/console.h"
#include "domain/domain.h"
#include "sched/sched.h"
#include "sched/vcpu-timers.h"
#include "event/event.h"
#include "time/time.h"
#include "time/timer.h"

#include <abi/sched.h>
#include <hv/errno.h>

static long shutdown(struct vcpu *v, uint32_t reason)
{
    if (reason > SHUTDOWN_MAX)
        return gerr(v, -EINVAL, "sched_op: shutdown reason %u unknown",
                    reason);
    domain_shutdown(v->domain, reason);
    return 0;
}

static bool upcall_deliverable(const struct vcpu *v)
{
    return v->vcpu_info->evtchn_upcall_pending &&
           !v->vcpu_info->evtchn_upcall_mask;
}

/*
 * SCHEDOP_block: enable events and sleep until one is pending. Marking the
 * vCPU blocked before the last look at upcall_pending means an event sent
 * in between (from another CPU) wakes it rather than being missed.
 */
static long block(struct vcpu *v)
{
    v->vcpu_info->evtchn_upcall_mask = 0;
    vcpu_block_current();
    __atomic_thread_fence(__ATOMIC_SEQ_CST);
    if (v->vcpu_info->evtchn_upcall_pending)
        vcpu_wake(v);
    return 0;
}

/*
 * SCHEDOP_poll: sleep until one of the ports is pending (masked or not),
 * an upcall is deliverable, or the absolute timeout (0 = none) passes.
 */
static long poll(struct vcpu *v, uint64_t arg)
{
    struct sched_poll sp;
    struct domain *d = v->domain;

    if (copy_from_guest(&sp, arg, sizeof(sp)))
        return gerr(v, -EFAULT, "sched_op: poll %#lx unreadable", arg);
    if (sp.nr_ports > MAX_POLL_PORTS)
        return gerr(v, -EINVAL, "sched_op: poll of %u ports, limit %u",
                    sp.nr_ports, MAX_POLL_PORTS);
    for (uint32_t i = 0; i < sp.nr_ports; i++)
        if (copy_from_guest_idx(&v->poll_ports[i], sp.ports, i,
                                sizeof(uint32_t)))
            return gerr(v, -EFAULT, "sched_op: poll port %u unreadable", i);
    for (uint32_t i = 0; i < sp.nr_ports; i++)
        if (!evtchn_port_valid(d, v->poll_ports[i]))
            return gerr(v, -EINVAL, "sched_op: poll of bad port %u",
                        v->poll_ports[i]);

    v->nr_poll_ports = sp.nr_ports;
    vcpu_block_current();
    v->polling = true;
    __atomic_thread_fence(__ATOMIC_SEQ_CST);
    for (uint32_t i = 0; i < sp.nr_ports; i++)
        if (evtchn_port_is_pending(d, v->poll_ports[i])) {
            vcpu_wake(v);
            return 0;
        }
    if (upcall_deliverable(v)) {
        vcpu_wake(v);
        return 0;
    }
    if (sp.timeout) {
        if (sp.timeout <= time_now_ns()) {
            vcpu_wake(v);
            return 0;
        }
        set_timer(&v->poll_timer, sp.timeout);
    }
    return 0;
}

/* SCHEDOP_remote_shutdown: a privileged domain stops another one. */
static long remote_shutdown(struct vcpu *v, uint64_t arg)
{
    struct sched_remote_shutdown rs;
    struct domain *d;

    if (copy_from_guest(&rs, arg, sizeof(rs)))
        return gerr(v, -EFAULT, "sched_op: %#lx unreadable", arg);
    d = domain_lookup(rs.domain_id);
    if (!d)
        return gerr(v, -ESRCH, "remote_shutdown: no domain %u",
                    rs.domain_id);
    if (!is_privileged(v->domain))
        return gerr(v, -EPERM, "remote_shutdown: not privileged");
    if (rs.reason > SHUTDOWN_MAX)
        return gerr(v, -EINVAL, "remote_shutdown: reason %u unknown",
                    rs.reason);
    domain_shutdown(d, rs.reason);
    return 0;
}

/*
 * sched_op(cmd, arg):
 *   SCHEDOP_yield          let other runnable vCPUs run first
 *   SCHEDOP_block          enable events, sleep until one is pending
 *   SCHEDOP_poll           {ports, nr_ports <= 128, timeout}: sleep until a
 *                          port is pending or the timeout passes
 *   SCHEDOP_shutdown       {reason}: stop the domain
 *   SCHEDOP_shutdown_code  {reason}: record the reason for a later crash
 *   SCHEDOP_remote_shutdown {domid, reason} (privileged)
 *   -EFAULT arg unreadable; -EINVAL bad reason or too many ports; -ESRCH
 *   no such domain; -EPERM not privileged; -ENOSYS other commands
 *   (watchdog is not implemented)
 */
long hc_sched_op(struct vcpu *v, uint64_t cmd, uint64_t arg, uint64_t a3,
                 uint64_t a4, uint64_t a5)
{
    struct sched_shutdown sd;

    switch (cmd) {
    case SCHEDOP_yield:
        sched_yield_current();
        return 0;
    case SCHEDOP_block:
        return block(v);
    case SCHEDOP_shutdown:
    case SCHEDOP_shutdown_code:
        if (copy_from_guest(&sd, arg, sizeof(sd)))
            return gerr(v, -EFAULT, "sched_op: %#lx unreadable", arg);
        if (cmd == SCHEDOP_shutdown)
            return shutdown(v, sd.reason);
        if (sd.reason > SHUTDOWN_MAX)
            return gerr(v, -EINVAL, "sched_op: shutdown_code %u unknown",
                        sd.reason);
        v->domain->shutdown_code = sd.reason;
        return 0;
    case SCHEDOP_poll:
        return poll(v, arg);
    case SCHEDOP_remote_shutdown:
        return remote_shutdown(v, arg);
    default:
        return gerr(v, -ENOSYS, "sched_op: cmd %lu not supported", cmd);
    }
}

/*
 * sched_op_compat(cmd, reason): the old form of yield, block and shutdown,
 * with the reason passed by value; anything else is -ENOSYS.
 */
long hc_sched_op_compat(struct vcpu *v, uint64_t cmd, uint64_t reason,
                        uint64_t a3, uint64_t a4, uint64_t a5)
{
    if (cmd == SCHEDOP_shutdown)
        return shutdown(v, (uint32_t)reason);
    if (cmd == SCHEDOP_yield || cmd == SCHEDOP_block)
        return hc_sched_op(v, cmd, 0, 0, 0, 0);
    return gerr(v, -ENOSYS, "sched_op_compat: cmd %lu not supported", cmd);
}
