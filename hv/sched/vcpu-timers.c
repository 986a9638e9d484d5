/* SPDX-License-Identifier: MIT */
/* Per-vCPU timers that raise VIRQ_TIMER, and set_timer_op (15). */
#include "sched/vcpu-timers.h"
#include "event/event.h"
#include "sched/sched.h"
#include "console/console.h"
#include "domain/domain.h"
#include "hypercall/hypercall.h"
#include "time/time.h"
#include "time/timer.h"

#include <abi/event-channel.h>

/*
 * The periodic tick runs only while its vCPU does, as on Xen: a blocked
 * vCPU wakes for its one-shot timer or an event, not for ticks. When the
 * vCPU runs again, a tick that fell due meanwhile is sent at once (one,
 * however many were missed) and the next is a period from now.
 */
static void periodic_work(struct vcpu *v)
{
    uint64_t now = time_now_ns();
    uint64_t next = v->periodic_last + v->periodic_period;

    if (now >= next) {
        evtchn_send_virq(v, VIRQ_TIMER);
        v->periodic_last = now;
        next = now + v->periodic_period;
    }
    set_timer(&v->periodic_timer, next);
}

static void periodic_fired(void *data)
{
    periodic_work(data);
}

void vcpu_timers_schedule_in(struct vcpu *v)
{
    if (v->periodic_period)
        periodic_work(v);
}

void vcpu_timers_schedule_out(struct vcpu *v)
{
    stop_timer(&v->periodic_timer);
}

static void singleshot_fired(void *data)
{
    evtchn_send_virq(data, VIRQ_TIMER);
}

static void poll_timed_out(void *data)
{
    vcpu_wake(data);
}

void vcpu_timers_init(struct vcpu *v)
{
    timer_init(&v->periodic_timer, periodic_fired, v);
    timer_init(&v->singleshot_timer, singleshot_fired, v);
    timer_init(&v->poll_timer, poll_timed_out, v);
}

void vcpu_set_periodic(struct vcpu *v, uint64_t period_ns)
{
    v->periodic_period = period_ns;
    if (!period_ns) {
        stop_timer(&v->periodic_timer);
        return;
    }
    v->periodic_last = time_now_ns();
    set_timer(&v->periodic_timer, v->periodic_last + period_ns);
}

void vcpu_set_singleshot(struct vcpu *v, uint64_t deadline)
{
    uint64_t now = time_now_ns();

    if (!deadline) {
        stop_timer(&v->singleshot_timer);
        return;
    }
    set_timer(&v->singleshot_timer, deadline < now ? now : deadline);
}

/*
 * set_timer_op(timeout): one-shot VIRQ_TIMER at absolute system time
 * timeout; 0 cancels; a negative or absurdly distant time (beyond 2^50 ns
 * from now) means now + 100 ms, as Xen does. Always 0.
 */
long hc_set_timer_op(struct vcpu *v, uint64_t timeout, uint64_t a2,
                     uint64_t a3, uint64_t a4, uint64_t a5)
{
    uint64_t now = time_now_ns();

    if ((int64_t)timeout < 0 ||
        (timeout > now && timeout - now > (1ULL << 50)))
        timeout = now + 100000000ULL;
    vcpu_set_singleshot(v, timeout);
    return 0;
}
