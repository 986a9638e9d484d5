/* SPDX-License-Identifier: MIT */
/*
 * Event channels inside hv: each domain's table, the one lock, raising
 * events into shared_info with the scheduler told afterwards, and VIRQs.
 */
#include "event/event.h"
#include "event/evtchn-2l.h"
#include "sched/sched.h"
#include "event/private.h"
#include "domain/domain.h"
#include "lib/spinlock.h"
#include "mm/frame.h"

#include <abi/event-channel.h>
#include <hv/compiler.h>
#include <hv/errno.h>

static DEFINE_SPINLOCK(lock);

#define TABLE_PAGES (ALIGN_UP(sizeof(struct evtchn_table), 4096) / 4096)

void evtchn_lock(void)
{
    spin_lock(&lock);
}

void evtchn_unlock(void)
{
    spin_unlock(&lock);
}

struct evtchn_table *evtchn_table_of(struct domain *d)
{
    return (struct evtchn_table *)d->evtchn;
}

int evtchn_domain_init(struct domain *d)
{
    struct evtchn_table *t = hv_alloc_pages(TABLE_PAGES);

    if (!t)
        return -ENOMEM;
    evtchn_table_init(t, d->domain_id, d->nr_vcpus,
                      is_privileged(d) ? EVTCHN_MAX_PORT
                                       : EVTCHN_DOMU_MAX_PORT,
                      d->shared_info);
    t->owner = d;
    evtchn_lock();
    d->evtchn = (struct evtchn_domain *)t;
    evtchn_unlock();
    return 0;
}

void evtchn_domain_destroy(struct domain *d)
{
    struct evtchn_table *t;

    evtchn_lock();
    t = evtchn_table_of(d);
    /* Peers must not keep pointers into a freed table. */
    if (t)
        evtchn_reset(t);
    d->evtchn = NULL;
    evtchn_unlock();
    if (t)
        hv_free_pages(t, TABLE_PAGES);
}

void evtchn_set_max_port(struct domain *d, unsigned int max_port)
{
    evtchn_lock();
    if (evtchn_table_of(d))
        evtchn_table_set_max_port(evtchn_table_of(d), max_port);
    evtchn_unlock();
}

/* NULL once d is dying: its vCPUs may already be freed. */
static struct vcpu *vcpu_of(struct domain *d, unsigned int id)
{
    if (__atomic_load_n(&d->is_dying, __ATOMIC_ACQUIRE))
        return NULL;
    return id < d->nr_vcpus ? d->vcpu[id] : NULL;
}

struct evtchn_wake evtchn_raise(const struct evtchn_notify *n)
{
    struct evtchn_wake w = { 0 };
    struct domain *d;
    struct vcpu *v;

    if (!n->t)
        return w;
    d = n->t->owner;
    v = vcpu_of(d, n->vcpu);
    if (!v)
        return w;
    w = (struct evtchn_wake){
        .d = d, .port = n->port, .vcpu = n->vcpu,
        .flags = evtchn_2l_raise(d->shared_info, v->vcpu_info, n->port),
    };
    return w;
}

struct evtchn_wake evtchn_unmask(struct domain *d, unsigned int port,
                                 unsigned int vcpu)
{
    struct evtchn_wake w = { 0 };
    struct vcpu *v = vcpu_of(d, vcpu);

    if (v && evtchn_2l_unmask(d->shared_info, v->vcpu_info, port))
        w = (struct evtchn_wake){ .d = d, .port = port, .vcpu = vcpu,
                                  .flags = EVTCHN_2L_KICK };
    return w;
}

/*
 * On several CPUs a domain could be destroyed between the unlock and
 * here; domain_destroy must then wait for this path (it runs with
 * interrupts off, so a grace period is one IPI round) before freeing.
 */
void evtchn_after_unlock(const struct evtchn_wake *w)
{
    struct vcpu *v;

    if (!w->d)
        return;
    /* Pollers wait on the port whatever its mask or vCPU. */
    if (w->flags & EVTCHN_2L_NEWLY_PENDING)
        for (unsigned int i = 0; i < w->d->nr_vcpus; i++)
            if ((v = vcpu_of(w->d, i)))
                vcpu_poll_wake(v, w->port);
    if ((w->flags & EVTCHN_2L_KICK) && (v = vcpu_of(w->d, w->vcpu)))
        vcpu_kick(v);
}

int evtchn_send_virq(struct vcpu *v, unsigned int virq)
{
    struct domain *d = v->domain;
    struct evtchn_table *t;
    struct evtchn_notify n = { 0 };
    struct evtchn_wake w;
    unsigned int port;

    if (virq >= NR_VIRQS)
        return -EINVAL;
    evtchn_lock();
    t = evtchn_table_of(d);
    if (t) {
        port = evtchn_virq_is_global(virq)
                   ? evtchn_virq_port(t, 0, virq)
                   : evtchn_virq_port(t, v->vcpu_id, virq);
        if (port)
            n = (struct evtchn_notify){ .t = t, .port = port,
                                        .vcpu = evtchn_notify_vcpu(t, port) };
    }
    w = evtchn_raise(&n);
    evtchn_unlock();
    evtchn_after_unlock(&w);
    return 0;
}

bool evtchn_port_valid(struct domain *d, unsigned int port)
{
    struct evtchn_table *t;
    bool ok;

    evtchn_lock();
    t = evtchn_table_of(d);
    ok = t && evtchn_is_bound(t, port);
    evtchn_unlock();
    return ok;
}

bool evtchn_port_is_pending(struct domain *d, unsigned int port)
{
    return evtchn_2l_is_pending(d->shared_info, port);
}
