/* SPDX-License-Identifier: MIT */
/*
 * Pins SCHEDOP_block: it clears the upcall mask (events are enabled when
 * it returns); with an event already pending it returns at once and the
 * event is delivered; with nothing pending it sleeps until an event
 * arrives. The periodic tick runs only while the vCPU runs (as on Xen),
 * so a blocked vCPU with the default 10 ms tick and a one-shot timer
 * 50 ms ahead sleeps until the one-shot fires, not until the next tick;
 * its blocked time grows by about that much.
 */
#include "abi/event-channel.h"
#include "abi/hypercall.h"
#include "abi/sched.h"
#include "abi/vcpu.h"
#include "gk/events.h"
#include "gk/hypercall.h"
#include "gk/test.h"
#include "gk/time.h"

GK_TEST_INFO("sched-block", "SCHEDOP_block wake-ups and the upcall mask");

static volatile unsigned int ipis, ticks;

static void on_ipi(evtchn_port_t port, void *data)
{
    (void)port;
    (void)data;
    ipis++;
}

static void on_tick(evtchn_port_t port, void *data)
{
    (void)port;
    (void)data;
    ticks++;
}

int main(void)
{
    struct vcpu_runstate_info before, after;
    long ipi, timer;
    uint64_t t0, t1, deadline;

    check_rc(gk_events_init(), 0, "events");
    ipi = gk_evtchn_bind_ipi(0);
    timer = gk_evtchn_bind_virq(VIRQ_TIMER, 0);
    if (ipi < 0 || timer < 0)
        test_error("bind: ipi %ld timer %ld", ipi, timer);
    gk_evtchn_set_handler((evtchn_port_t)ipi, on_ipi, NULL);
    gk_evtchn_set_handler((evtchn_port_t)timer, on_tick, NULL);

    /* An event pending while masked: block returns at once and takes it. */
    gk_local_irq_disable();
    check_rc(gk_evtchn_send((evtchn_port_t)ipi), 0, "send while masked");
    check_eq(ipis, 0, "delivered while masked");
    t0 = gk_system_time();
    check_rc(HYPERVISOR_sched_op(SCHEDOP_block, NULL), 0, "block");
    t1 = gk_system_time();
    check_eq(ipis, 1, "ipi delivered by block's return");
    check_eq(gk_vcpu_info->evtchn_upcall_mask, 0, "mask after block");
    /* Nothing else could wake it, so returning at all shows it did not
     * sleep; the bound only catches an absurd delay. */
    check(t1 - t0 < 1000000000ULL, "block with an event pending took %lu ns",
          t1 - t0);

    /* Nothing pending: ticks do not wake a blocked vCPU; the one-shot does. */
    gk_local_irq_disable();
    check_rc(HYPERVISOR_vcpu_op(VCPUOP_get_runstate_info, 0, &before), 0,
             "runstate");
    t0 = gk_system_time();
    deadline = t0 + 50000000ULL;
    check_rc(gk_hypercall5(__HYPERVISOR_set_timer_op, deadline, 0, 0, 0, 0),
             0, "set_timer_op 50 ms ahead");
    ticks = 0;
    while (!ticks && gk_system_time() < t0 + 2000000000ULL) {
        HYPERVISOR_sched_op(SCHEDOP_block, NULL);
        gk_local_irq_disable();
    }
    t1 = gk_system_time();
    check_rc(HYPERVISOR_vcpu_op(VCPUOP_get_runstate_info, 0, &after), 0,
             "runstate");
    gk_printf("woke %lu us after blocking\n", (t1 - t0) / 1000);
    check(ticks >= 1, "no timer event within 2 s");
    check(t1 >= deadline, "woken %lu ns before the one-shot deadline "
          "(by a periodic tick?)", deadline - t1);
    check(after.time[RUNSTATE_blocked] - before.time[RUNSTATE_blocked] >=
              40000000ULL,
          "blocked time grew by %lu ns", after.time[RUNSTATE_blocked] -
                                            before.time[RUNSTATE_blocked]);
    gk_local_irq_disable();
    return 0;
}
