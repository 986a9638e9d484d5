/* SPDX-License-Identifier: MIT */
/* sched_op (29) and its compat form (6): yield and shutdown. */
#include "hypercall/guest-copy.h"
#include "hypercall/hypercall.h"
#include "console/console.h"
#include "domain/domain.h"

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

#define MAX_POLL_PORTS 128

/*
 * SCHEDOP_poll: the arguments are checked now; waiting for the ports needs
 * event channels and timers, which come with the scheduler (issue 4).
 */
static long poll(struct vcpu *v, uint64_t arg)
{
    struct sched_poll sp;
    uint32_t port;

    if (copy_from_guest(&sp, arg, sizeof(sp)))
        return gerr(v, -EFAULT, "sched_op: poll %#lx unreadable", arg);
    if (sp.nr_ports > MAX_POLL_PORTS)
        return gerr(v, -EINVAL, "sched_op: poll of %u ports, limit %u",
                    sp.nr_ports, MAX_POLL_PORTS);
    for (uint32_t i = 0; i < sp.nr_ports; i++)
        if (copy_from_guest_idx(&port, sp.ports, i, sizeof(port)))
            return gerr(v, -EFAULT, "sched_op: poll port %u unreadable", i);
    return gerr(v, -ENOSYS, "sched_op: poll needs event channels");
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
 *   SCHEDOP_yield          give up the CPU (a no-op while nothing else runs)
 *   SCHEDOP_shutdown       {reason}: stop the domain
 *   SCHEDOP_shutdown_code  {reason}: record the reason for a later crash
 *   SCHEDOP_remote_shutdown {domid, reason} (privileged)
 *   SCHEDOP_poll           arguments checked; -ENOSYS until event channels
 *   -EFAULT arg unreadable; -EINVAL bad reason or too many ports; -ESRCH
 *   no such domain; -EPERM not privileged; -ENOSYS other commands (block
 *   and watchdog come with the scheduler)
 */
long hc_sched_op(struct vcpu *v, uint64_t cmd, uint64_t arg, uint64_t a3,
                 uint64_t a4, uint64_t a5)
{
    struct sched_shutdown sd;

    switch (cmd) {
    case SCHEDOP_yield:
        return 0;
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

/* sched_op_compat(cmd, reason): the old form, reason passed by value. */
long hc_sched_op_compat(struct vcpu *v, uint64_t cmd, uint64_t reason,
                        uint64_t a3, uint64_t a4, uint64_t a5)
{
    switch (cmd) {
    case SCHEDOP_yield:
        return 0;
    case SCHEDOP_shutdown:
        return shutdown(v, (uint32_t)reason);
    default:
        return gerr(v, -ENOSYS, "sched_op_compat: cmd %lu not supported",
                    cmd);
    }
}
