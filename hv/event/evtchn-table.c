/* SPDX-License-Identifier: MIT */
/*
 * The per-domain port table and its state machine. Checks run in the
 * order Xen 4.17 runs them, so a request wrong in two ways gets the same
 * errno on both hypervisors.
 */
#include "evtchn-table.h"

#include <string.h>

#include <abi/errno.h>

#include "evtchn-2l.h"

static int fail(const char **why, int err, const char *reason)
{
    *why = reason;
    return err;
}

void evtchn_table_init(struct evtchn_table *t, uint16_t domid,
                       unsigned int nr_vcpus, unsigned int max_port,
                       struct shared_info *shared)
{
    memset(t, 0, sizeof(*t));
    t->domid = domid;
    t->nr_vcpus = nr_vcpus < EVTCHN_MAX_VCPUS ? nr_vcpus : EVTCHN_MAX_VCPUS;
    t->shared = shared;
    t->nr_valid = EVTCHN_BLOCK;
    t->port[0].state = ECS_RESERVED;
    evtchn_table_set_max_port(t, max_port);
}

void evtchn_table_set_max_port(struct evtchn_table *t, unsigned int max)
{
    t->max_port = max < EVTCHN_MAX_PORT ? max : EVTCHN_MAX_PORT;
}

bool evtchn_is_valid(const struct evtchn_table *t, uint32_t port)
{
    return port < t->nr_valid;
}

bool evtchn_is_bound(const struct evtchn_table *t, uint32_t port)
{
    return evtchn_is_valid(t, port) && t->port[port].state > ECS_RESERVED;
}

bool evtchn_virq_is_global(uint32_t virq)
{
    switch (virq) {
    case VIRQ_TIMER:
    case VIRQ_DEBUG:
    case VIRQ_XENOPROF:
    case VIRQ_XENPMU:
        return false;
    default:
        /* Unassigned numbers below NR_VIRQS bind as global ones too. */
        return true;
    }
}

/*
 * Lowest free port, growing the valid range by a block when every valid
 * port is taken. Bounded: at most 4096 entries are looked at.
 */
static int find_free_port(const struct evtchn_table *t, bool *grow)
{
    uint32_t port;

    *grow = false;
    for (port = 1; port < t->nr_valid; port++) {
        if (port > t->max_port)
            return -XEN_ENOSPC;
        if (t->port[port].state == ECS_FREE)
            return (int)port;
    }
    if (port >= EVTCHN_2L_NR_CHANNELS || port > t->max_port)
        return -XEN_ENOSPC;
    *grow = true;
    return (int)port;
}

bool evtchn_has_free_port(const struct evtchn_table *t)
{
    bool grow;

    return find_free_port(t, &grow) > 0;
}

/* Take the lowest free port, leaving it ECS_FREE for the caller to set. */
static int get_free_port(struct evtchn_table *t, const char **why)
{
    bool grow;
    int port = find_free_port(t, &grow);

    if (port < 0)
        return fail(why, port, "no free port below the domain's limit");
    if (grow)
        t->nr_valid += EVTCHN_BLOCK;
    return port;
}

static bool vcpu_exists(const struct evtchn_table *t, uint32_t vcpu)
{
    return vcpu < t->nr_vcpus;
}

int evtchn_alloc_unbound(struct evtchn_table *t, uint16_t remote_domid,
                         const char **why)
{
    int port = get_free_port(t, why);

    if (port < 0)
        return port;
    t->port[port].state = ECS_UNBOUND;
    t->port[port].u.remote_domid = remote_domid;
    return port;
}

int evtchn_bind_interdomain(struct evtchn_table *lt, struct evtchn_table *rt,
                            uint32_t rport, struct evtchn_notify *n,
                            const char **why)
{
    struct evtchn *lchn, *rchn;
    int lport = get_free_port(lt, why);

    n->t = NULL;
    if (lport < 0)
        return lport;
    if (!evtchn_is_valid(rt, rport))
        return fail(why, -XEN_EINVAL, "remote port out of range");
    rchn = &rt->port[rport];
    if (rchn->state != ECS_UNBOUND)
        return fail(why, -XEN_EINVAL, "remote port is not unbound");
    if (rchn->u.remote_domid != lt->domid)
        return fail(why, -XEN_EINVAL, "remote port is offered to another "
                                       "domain");

    lchn = &lt->port[lport];
    lchn->state = ECS_INTERDOMAIN;
    lchn->peer = rt;
    lchn->u.peer_port = rport;
    rchn->state = ECS_INTERDOMAIN;
    rchn->peer = lt;
    rchn->u.peer_port = (uint32_t)lport;

    *n = (struct evtchn_notify){ .t = lt, .port = (unsigned int)lport,
                                 .vcpu = lchn->notify_vcpu };
    return lport;
}

int evtchn_bind_virq(struct evtchn_table *t, uint32_t virq, uint32_t vcpu,
                     const char **why)
{
    int port;

    if (virq >= NR_VIRQS)
        return fail(why, -XEN_EINVAL, "no such virq");
    if (evtchn_virq_is_global(virq) && vcpu != 0)
        return fail(why, -XEN_EINVAL, "a global virq binds on vcpu 0 only");
    if (!vcpu_exists(t, vcpu))
        return fail(why, -XEN_ENOENT, "no such vcpu");
    if (t->virq_port[vcpu][virq])
        return fail(why, -XEN_EEXIST, "virq already bound on that vcpu");

    port = get_free_port(t, why);
    if (port < 0)
        return port;
    t->port[port].state = ECS_VIRQ;
    t->port[port].notify_vcpu = (uint8_t)vcpu;
    t->port[port].u.virq = virq;
    t->virq_port[vcpu][virq] = (uint16_t)port;
    return port;
}

int evtchn_bind_ipi(struct evtchn_table *t, uint32_t vcpu, const char **why)
{
    int port;

    if (!vcpu_exists(t, vcpu))
        return fail(why, -XEN_ENOENT, "no such vcpu");
    port = get_free_port(t, why);
    if (port < 0)
        return port;
    t->port[port].state = ECS_IPI;
    t->port[port].notify_vcpu = (uint8_t)vcpu;
    return port;
}

/* Back to free: no stale event may greet the port's next user. */
static void free_port(struct evtchn_table *t, uint32_t port)
{
    evtchn_2l_clear_pending(t->shared, port);
    memset(&t->port[port], 0, sizeof(t->port[port]));
}

int evtchn_close(struct evtchn_table *t, uint32_t port, const char **why)
{
    struct evtchn *chn, *peer;

    if (!evtchn_is_valid(t, port))
        return fail(why, -XEN_EINVAL, "port out of range");
    chn = &t->port[port];

    switch (chn->state) {
    case ECS_FREE:
    case ECS_RESERVED:
        return fail(why, -XEN_EINVAL, "port is not in use");
    case ECS_VIRQ:
        for (unsigned int v = 0; v < t->nr_vcpus; v++)
            if (t->virq_port[v][chn->u.virq] == port)
                t->virq_port[v][chn->u.virq] = 0;
        break;
    case ECS_INTERDOMAIN:
        peer = &chn->peer->port[chn->u.peer_port];
        peer->state = ECS_UNBOUND;
        peer->peer = NULL;
        peer->u.remote_domid = t->domid;
        break;
    default:
        break;
    }
    free_port(t, port);
    return 0;
}

int evtchn_send(struct evtchn_table *t, uint32_t port,
                struct evtchn_notify *n, const char **why)
{
    const struct evtchn *chn;
    struct evtchn_table *rt;
    uint32_t rport;

    n->t = NULL;
    if (!evtchn_is_valid(t, port))
        return fail(why, -XEN_EINVAL, "port out of range");
    chn = &t->port[port];

    switch (chn->state) {
    case ECS_INTERDOMAIN:
        rt = chn->peer;
        rport = chn->u.peer_port;
        *n = (struct evtchn_notify){ .t = rt, .port = rport,
                                     .vcpu = rt->port[rport].notify_vcpu };
        return 0;
    case ECS_IPI:
        *n = (struct evtchn_notify){ .t = t, .port = port,
                                     .vcpu = chn->notify_vcpu };
        return 0;
    case ECS_UNBOUND:
        return 0;              /* nobody listens yet: dropped */
    default:
        return fail(why, -XEN_EINVAL, "port cannot be sent on");
    }
}

int evtchn_status(const struct evtchn_table *t, uint32_t port,
                  struct evtchn_status *st, const char **why)
{
    const struct evtchn *chn;

    if (!evtchn_is_valid(t, port))
        return fail(why, -XEN_EINVAL, "port out of range");
    chn = &t->port[port];

    switch (chn->state) {
    case ECS_UNBOUND:
        st->status = EVTCHNSTAT_unbound;
        st->u.unbound.dom = chn->u.remote_domid;
        break;
    case ECS_INTERDOMAIN:
        st->status = EVTCHNSTAT_interdomain;
        st->u.interdomain.dom = chn->peer->domid;
        st->u.interdomain.port = chn->u.peer_port;
        break;
    case ECS_VIRQ:
        st->status = EVTCHNSTAT_virq;
        st->u.virq = chn->u.virq;
        break;
    case ECS_IPI:
        st->status = EVTCHNSTAT_ipi;
        break;
    default:
        st->status = EVTCHNSTAT_closed;
        break;
    }
    st->vcpu = chn->notify_vcpu;
    return 0;
}

int evtchn_bind_vcpu(struct evtchn_table *t, uint32_t port, uint32_t vcpu,
                     const char **why)
{
    struct evtchn *chn;

    if (!vcpu_exists(t, vcpu))
        return fail(why, -XEN_ENOENT, "no such vcpu");
    if (!evtchn_is_valid(t, port))
        return fail(why, -XEN_EINVAL, "port out of range");
    chn = &t->port[port];

    switch (chn->state) {
    case ECS_VIRQ:
        if (!evtchn_virq_is_global(chn->u.virq))
            return fail(why, -XEN_EINVAL, "a per-vcpu virq cannot move");
        break;
    case ECS_UNBOUND:
    case ECS_INTERDOMAIN:
        break;
    default:
        return fail(why, -XEN_EINVAL, "port cannot move to another vcpu");
    }
    chn->notify_vcpu = (uint8_t)vcpu;
    return 0;
}

int evtchn_unmask_target(const struct evtchn_table *t, uint32_t port,
                         const char **why)
{
    if (!evtchn_is_valid(t, port))
        return fail(why, -XEN_EINVAL, "port out of range");
    return t->port[port].notify_vcpu;
}

int evtchn_bind_pirq(struct evtchn_table *t, uint32_t pirq,
                     const char **why)
{
    (void)t;
    if (pirq >= EVTCHN_NR_PIRQS)
        return fail(why, -XEN_EINVAL, "no such pirq");
    return fail(why, -XEN_EPERM, "pirq not accessible (no physdev yet)");
}

void evtchn_reset(struct evtchn_table *t)
{
    const char *why;

    for (uint32_t port = 1; port < t->nr_valid; port++)
        if (t->port[port].state != ECS_FREE)
            evtchn_close(t, port, &why);
}

unsigned int evtchn_virq_port(const struct evtchn_table *t, unsigned int vcpu,
                              unsigned int virq)
{
    if (vcpu >= t->nr_vcpus || virq >= NR_VIRQS)
        return 0;
    return t->virq_port[vcpu][virq];
}

unsigned int evtchn_notify_vcpu(const struct evtchn_table *t, uint32_t port)
{
    return evtchn_is_valid(t, port) ? t->port[port].notify_vcpu : 0;
}
