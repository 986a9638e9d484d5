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

/*
 * sched_op(cmd, arg):
 *   SCHEDOP_yield          give up the CPU (a no-op while nothing else runs)
 *   SCHEDOP_shutdown       {reason}: stop the domain
 *   SCHEDOP_shutdown_code  {reason}: record the reason for a later crash
 *   -EFAULT arg unreadable; -EINVAL bad reason; -ENOSYS other commands
 *   (block, poll, remote_shutdown and watchdog come with the scheduler)
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
