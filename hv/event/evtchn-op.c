/* SPDX-License-Identifier: MIT */
/*
 * event_channel_op (32) and event_channel_op_compat (16): copy the
 * argument in once, resolve domains and privilege, run the portable table
 * operation under the event lock, copy OUT fields back, log refusals.
 */
#include "event/evtchn-table.h"
#include "event/private.h"
#include "hypercall/guest-copy.h"
#include "hypercall/hypercall.h"
#include "console/console.h"
#include "domain/domain.h"

#include <abi/event-channel.h>
#include <abi/memory.h>
#include <hv/errno.h>

/* Xen's continuation of EVTCHNOP_reset; guests can issue it too. */
#define EVTCHNOP_reset_cont 14

/* DOMID_SELF or a live domain; NULL for reserved ids and unknown ones. */
static struct domain *lookup(struct vcpu *v, uint16_t dom)
{
    return dom == DOMID_SELF ? v->domain : domain_lookup(dom);
}

static bool may_control(struct vcpu *v, struct domain *d)
{
    return d == v->domain || is_privileged(v->domain);
}

static long refuse(struct vcpu *v, long rc, const char *op, uint32_t port,
                   const char *why)
{
    return gerr(v, rc, "%s: port %u: %s", op, port, why);
}

/*
 * EVTCHNOP_alloc_unbound: a new port of op.dom that op.remote_dom may
 * bind to. -ESRCH no domain op.dom; -ENOSPC no free port; -EPERM op.dom
 * is another domain and the caller is not privileged (checked after the
 * port search, as Xen does).
 */
static long op_alloc_unbound(struct vcpu *v, guest_ptr_t arg)
{
    struct evtchn_alloc_unbound op;
    struct evtchn_table *t;
    struct domain *d;
    const char *why = "";
    uint16_t remote;
    int port;

    if (copy_from_guest(&op, arg, sizeof(op)))
        return -EFAULT;
    d = lookup(v, op.dom);
    if (!d)
        return gerr(v, -ESRCH, "alloc_unbound: no domain %u", op.dom);
    remote = op.remote_dom == DOMID_SELF ? v->domain->domain_id
                                         : op.remote_dom;

    evtchn_lock();
    t = evtchn_table_of(d);
    if (!t)
        port = -ESRCH;
    else if (!evtchn_has_free_port(t))
        port = -ENOSPC;
    else if (!may_control(v, d))
        port = -EPERM;
    else
        port = evtchn_alloc_unbound(t, remote, &why);
    evtchn_unlock();
    if (port < 0)
        return gerr(v, port, "alloc_unbound: in d%u for d%u refused",
                    op.dom, remote);

    op.port = (uint32_t)port;
    /* On -EFAULT the port stays allocated; the guest may close it. */
    return copy_to_guest(arg, &op, sizeof(op)) ? -EFAULT : 0;
}

/*
 * EVTCHNOP_bind_interdomain: a new local port connected to
 * op.remote_port of op.remote_dom (DOMID_SELF allowed), which must be
 * unbound and offered to us; the new port starts pending. -ESRCH no such
 * domain; -ENOSPC no free local port; -EINVAL remote port invalid, not
 * unbound or offered to another domain.
 */
static long op_bind_interdomain(struct vcpu *v, guest_ptr_t arg)
{
    struct evtchn_bind_interdomain op;
    struct evtchn_table *lt, *rt;
    struct evtchn_notify n = { 0 };
    struct evtchn_wake w = { 0 };
    struct domain *rd;
    const char *why = "";
    int port;

    if (copy_from_guest(&op, arg, sizeof(op)))
        return -EFAULT;
    rd = lookup(v, op.remote_dom);
    if (!rd)
        return gerr(v, -ESRCH, "bind_interdomain: no domain %u",
                    op.remote_dom);

    evtchn_lock();
    lt = evtchn_table_of(v->domain);
    rt = evtchn_table_of(rd);
    if (!lt || !rt)
        port = -ESRCH;
    else
        port = evtchn_bind_interdomain(lt, rt, op.remote_port, &n, &why);
    if (port >= 0)
        w = evtchn_raise(&n);
    evtchn_unlock();
    evtchn_after_unlock(&w);
    if (port < 0)
        return gerr(v, port, "bind_interdomain: d%u port %u: %s",
                    rd->domain_id, op.remote_port, why);

    op.local_port = (uint32_t)port;
    return copy_to_guest(arg, &op, sizeof(op)) ? -EFAULT : 0;
}

/*
 * EVTCHNOP_bind_virq: bind op.virq of vCPU op.vcpu to a new port.
 * -EINVAL virq >= NR_VIRQS, or a global virq with vcpu != 0; -ENOENT no
 * such vCPU; -EEXIST already bound; -ENOSPC no free port.
 */
static long op_bind_virq(struct vcpu *v, guest_ptr_t arg)
{
    struct evtchn_table *t;
    struct evtchn_bind_virq op;
    const char *why = "";
    int port;

    if (copy_from_guest(&op, arg, sizeof(op)))
        return -EFAULT;
    evtchn_lock();
    t = evtchn_table_of(v->domain);
    port = t ? evtchn_bind_virq(t, op.virq, op.vcpu, &why) : -ESRCH;
    evtchn_unlock();
    if (port < 0)
        return gerr(v, port, "bind_virq: virq %u vcpu %u: %s", op.virq,
                    op.vcpu, why);

    op.port = (uint32_t)port;
    return copy_to_guest(arg, &op, sizeof(op)) ? -EFAULT : 0;
}

/*
 * EVTCHNOP_bind_ipi: a new port that notifies vCPU op.vcpu when sent on.
 * -ENOENT no such vCPU; -ENOSPC no free port.
 */
static long op_bind_ipi(struct vcpu *v, guest_ptr_t arg)
{
    struct evtchn_table *t;
    struct evtchn_bind_ipi op;
    const char *why = "";
    int port;

    if (copy_from_guest(&op, arg, sizeof(op)))
        return -EFAULT;
    evtchn_lock();
    t = evtchn_table_of(v->domain);
    port = t ? evtchn_bind_ipi(t, op.vcpu, &why) : -ESRCH;
    evtchn_unlock();
    if (port < 0)
        return gerr(v, port, "bind_ipi: vcpu %u: %s", op.vcpu, why);

    op.port = (uint32_t)port;
    return copy_to_guest(arg, &op, sizeof(op)) ? -EFAULT : 0;
}

/*
 * EVTCHNOP_bind_pirq: physical IRQs belong to physdev, which hv lacks:
 * -EINVAL pirq out of range; -EPERM any other (no pirq is accessible),
 * which is what Xen answers for a pirq the domain was not given.
 */
static long op_bind_pirq(struct vcpu *v, guest_ptr_t arg)
{
    struct evtchn_bind_pirq op;
    const char *why = "";
    int rc;

    if (copy_from_guest(&op, arg, sizeof(op)))
        return -EFAULT;
    rc = evtchn_bind_pirq(evtchn_table_of(v->domain), op.pirq, &why);
    return gerr(v, rc, "bind_pirq: pirq %u: %s", op.pirq, why);
}

/*
 * EVTCHNOP_close: free op.port (its pending bit is cleared); an
 * interdomain peer goes back to unbound, offered to us. -EINVAL port
 * invalid, closed or reserved.
 */
static long op_close(struct vcpu *v, guest_ptr_t arg)
{
    struct evtchn_table *t;
    struct evtchn_close op;
    const char *why = "";
    int rc;

    if (copy_from_guest(&op, arg, sizeof(op)))
        return -EFAULT;
    evtchn_lock();
    t = evtchn_table_of(v->domain);
    rc = t ? evtchn_close(t, op.port, &why) : -ESRCH;
    evtchn_unlock();
    return rc ? refuse(v, rc, "close", op.port, why) : 0;
}

/*
 * EVTCHNOP_send: raise the other end (interdomain), our own port (ipi),
 * or nothing (unbound: dropped, 0). -EINVAL port invalid, closed, virq or
 * pirq.
 */
static long op_send(struct vcpu *v, guest_ptr_t arg)
{
    struct evtchn_table *t;
    struct evtchn_send op;
    struct evtchn_notify n = { 0 };
    struct evtchn_wake w = { 0 };
    const char *why = "";
    int rc;

    if (copy_from_guest(&op, arg, sizeof(op)))
        return -EFAULT;
    evtchn_lock();
    t = evtchn_table_of(v->domain);
    rc = t ? evtchn_send(t, op.port, &n, &why) : -ESRCH;
    if (!rc)
        w = evtchn_raise(&n);
    evtchn_unlock();
    evtchn_after_unlock(&w);
    return rc ? refuse(v, rc, "send", op.port, why) : 0;
}

/*
 * EVTCHNOP_status: state of op.port in op.dom. Only status, vcpu and the
 * union member of the state are written; other bytes return as the guest
 * sent them. -ESRCH no such domain; -EINVAL port invalid; -EPERM another
 * domain and not privileged (checked after the port, as Xen does).
 */
static long op_status(struct vcpu *v, guest_ptr_t arg)
{
    struct evtchn_status op;
    struct evtchn_table *t;
    struct domain *d;
    const char *why = "";
    int rc;

    if (copy_from_guest(&op, arg, sizeof(op)))
        return -EFAULT;
    d = lookup(v, op.dom);
    if (!d)
        return gerr(v, -ESRCH, "status: no domain %u", op.dom);

    evtchn_lock();
    t = evtchn_table_of(d);
    if (!t)
        rc = -ESRCH;
    else if (!evtchn_is_valid(t, op.port))
        rc = evtchn_status(t, op.port, &op, &why);
    else if (!may_control(v, d))
        rc = -EPERM;
    else
        rc = evtchn_status(t, op.port, &op, &why);
    evtchn_unlock();
    if (rc)
        return refuse(v, rc, "status", op.port, why);
    return copy_to_guest(arg, &op, sizeof(op)) ? -EFAULT : 0;
}

/*
 * EVTCHNOP_bind_vcpu: deliver op.port to vCPU op.vcpu from now on.
 * -ENOENT no such vCPU; -EINVAL port invalid, closed, an ipi or a
 * per-vCPU virq.
 */
static long op_bind_vcpu(struct vcpu *v, guest_ptr_t arg)
{
    struct evtchn_table *t;
    struct evtchn_bind_vcpu op;
    const char *why = "";
    int rc;

    if (copy_from_guest(&op, arg, sizeof(op)))
        return -EFAULT;
    evtchn_lock();
    t = evtchn_table_of(v->domain);
    rc = t ? evtchn_bind_vcpu(t, op.port, op.vcpu, &why) : -ESRCH;
    evtchn_unlock();
    return rc ? refuse(v, rc, "bind_vcpu", op.port, why) : 0;
}

/*
 * EVTCHNOP_unmask: clear op.port's mask and deliver an event that
 * waited behind it. A valid port not in use (closed, port 0) is left
 * alone with 0. -EINVAL port invalid.
 */
static long op_unmask(struct vcpu *v, guest_ptr_t arg)
{
    struct evtchn_table *t;
    struct evtchn_unmask op;
    struct evtchn_wake w = { 0 };
    const char *why = "";
    int vcpu;

    if (copy_from_guest(&op, arg, sizeof(op)))
        return -EFAULT;
    evtchn_lock();
    t = evtchn_table_of(v->domain);
    vcpu = t ? evtchn_unmask_target(t, op.port, &why) : -ESRCH;
    /* Xen 4.17 answers 0 for a valid port not in use, touching nothing. */
    if (vcpu >= 0 && evtchn_is_bound(t, op.port))
        w = evtchn_unmask(v->domain, op.port, (unsigned int)vcpu);
    evtchn_unlock();
    evtchn_after_unlock(&w);
    return vcpu < 0 ? refuse(v, vcpu, "unmask", op.port, why) : 0;
}

/*
 * EVTCHNOP_reset: close every port of op.dom. EVTCHNOP_reset_cont: the
 * continuation Xen uses; hv finishes at once, so there is never one to
 * continue. -ESRCH no such domain; -EPERM another domain, unprivileged;
 * -EINVAL another domain not paused by the toolstack; -EBUSY reset_cont
 * without a reset running.
 */
static long op_reset(struct vcpu *v, guest_ptr_t arg, bool cont)
{
    struct evtchn_reset op;
    struct domain *d;

    if (copy_from_guest(&op, arg, sizeof(op)))
        return -EFAULT;
    d = lookup(v, op.dom);
    if (!d)
        return gerr(v, -ESRCH, "reset: no domain %u", op.dom);
    if (!may_control(v, d))
        return gerr(v, -EPERM, "reset: d%u is not ours", op.dom);
    /* Another domain's ports may change under it only while it is stopped. */
    if (d != v->domain && !d->pause_count)
        return gerr(v, -EINVAL, "reset: d%u is not paused", op.dom);
    if (cont)
        return gerr(v, -EBUSY, "reset_cont: no reset to continue");

    evtchn_lock();
    if (evtchn_table_of(d))
        evtchn_reset(evtchn_table_of(d));
    evtchn_unlock();
    return 0;
}

/*
 * EVTCHNOP_set_priority and expand_array belong to the FIFO ABI, which
 * hv does not offer: answered as Xen answers a 2-level domain.
 * set_priority: -EINVAL port invalid, else -ENOSYS. expand_array:
 * -EOPNOTSUPP.
 */
static long op_set_priority(struct vcpu *v, guest_ptr_t arg)
{
    struct evtchn_table *t;
    struct evtchn_set_priority op;
    bool valid;

    if (copy_from_guest(&op, arg, sizeof(op)))
        return -EFAULT;
    evtchn_lock();
    t = evtchn_table_of(v->domain);
    valid = t && evtchn_is_valid(t, op.port);
    evtchn_unlock();
    if (!valid)
        return refuse(v, -EINVAL, "set_priority", op.port, "out of range");
    return gerr(v, -ENOSYS, "set_priority: 2-level ports have none");
}

static long dispatch(struct vcpu *v, uint32_t cmd, guest_ptr_t arg)
{
    struct evtchn_init_control ic;
    struct evtchn_expand_array ea;

    switch (cmd) {
    case EVTCHNOP_bind_interdomain:
        return op_bind_interdomain(v, arg);
    case EVTCHNOP_bind_virq:
        return op_bind_virq(v, arg);
    case EVTCHNOP_bind_pirq:
        return op_bind_pirq(v, arg);
    case EVTCHNOP_close:
        return op_close(v, arg);
    case EVTCHNOP_send:
        return op_send(v, arg);
    case EVTCHNOP_status:
        return op_status(v, arg);
    case EVTCHNOP_alloc_unbound:
        return op_alloc_unbound(v, arg);
    case EVTCHNOP_bind_ipi:
        return op_bind_ipi(v, arg);
    case EVTCHNOP_bind_vcpu:
        return op_bind_vcpu(v, arg);
    case EVTCHNOP_unmask:
        return op_unmask(v, arg);
    case EVTCHNOP_reset:
    case EVTCHNOP_reset_cont:
        return op_reset(v, arg, cmd == EVTCHNOP_reset_cont);
    case EVTCHNOP_init_control:
        if (copy_from_guest(&ic, arg, sizeof(ic)))
            return -EFAULT;
        /* Guests (Linux) fall back to the 2-level ABI on any error. */
        return gerr(v, -ENOSYS, "init_control: no FIFO event ABI");
    case EVTCHNOP_expand_array:
        if (copy_from_guest(&ea, arg, sizeof(ea)))
            return -EFAULT;
        return gerr(v, -EOPNOTSUPP, "expand_array: no FIFO event ABI");
    case EVTCHNOP_set_priority:
        return op_set_priority(v, arg);
    default:
        return gerr(v, -ENOSYS, "event_channel_op: cmd %u unknown", cmd);
    }
}

/*
 * event_channel_op(cmd, arg): EVTCHNOP_* on the structure at arg, as the
 * op_* functions above describe. An unknown cmd is -ENOSYS before arg is
 * read; an unreadable or unwritable arg is -EFAULT.
 */
long hc_event_channel_op(struct vcpu *v, uint64_t cmd, uint64_t arg,
                         uint64_t a3, uint64_t a4, uint64_t a5)
{
    /* Xen takes cmd as an int: only the low 32 bits select. */
    return dispatch(v, (uint32_t)cmd, arg);
}

/*
 * event_channel_op_compat(op): the pre-3.2 form, one pointer to
 * struct evtchn_op {cmd; union}. Only bind_interdomain..unmask exist
 * here (others -ENOSYS); -EFAULT if the 28 bytes are unreadable.
 */
long hc_event_channel_op_compat(struct vcpu *v, uint64_t uop, uint64_t a2,
                                uint64_t a3, uint64_t a4, uint64_t a5)
{
    struct evtchn_op op;

    if (copy_from_guest(&op, uop, sizeof(op)))
        return gerr(v, -EFAULT, "event_channel_op_compat: %#lx unreadable",
                    uop);
    if (op.cmd > EVTCHNOP_unmask)
        return gerr(v, -ENOSYS, "event_channel_op_compat: cmd %u unknown",
                    op.cmd);
    return dispatch(v, op.cmd, uop + offsetof(struct evtchn_op, u));
}
