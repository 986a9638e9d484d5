/* SPDX-License-Identifier: MIT */
/*
 * Pins the periodic VIRQ_TIMER while the vCPU runs: a PV vCPU starts with
 * a 10 ms period; VCPUOP_set_periodic_timer(5 ms) changes it; after
 * VCPUOP_stop_periodic_timer no tick arrives. Counts depend on how busy
 * the host running QEMU is (both hypervisors lose ticks under load), so
 * the test pins what load cannot fake: ticks arrive (at least 3 in
 * 200 ms); on average they are no closer than the period (load only
 * stretches them; single gaps can be short when a late tick is followed
 * by one on time); and the 5 ms period ticks faster than the 10 ms one.
 */
#include "abi/event-channel.h"
#include "abi/vcpu.h"
#include "gk/events.h"
#include "gk/hypercall.h"
#include "gk/test.h"
#include "gk/time.h"

GK_TEST_INFO("time-periodic", "periodic VIRQ_TIMER period and stop");

#define MS 1000000ULL

static volatile unsigned int ticks;
static volatile uint64_t first, last;

static void on_tick(evtchn_port_t port, void *data)
{
    uint64_t now = gk_system_time();

    (void)port;
    (void)data;
    if (!ticks)
        first = now;
    last = now;
    ticks++;
}

/* Spin with events enabled for ns; ticks seen and their mean interval. */
static unsigned int ticks_over(uint64_t ns, uint64_t *mean)
{
    uint64_t end = gk_system_time() + ns;

    ticks = 0;
    while (gk_system_time() < end)
        ;
    *mean = ticks > 1 ? (last - first) / (ticks - 1) : ~0ULL;
    return ticks;
}

int main(void)
{
    struct vcpu_set_periodic_timer per = { 5 * MS };
    uint64_t gap10, gap5, gap0;
    unsigned int n10, n5, n0;
    long port;

    check_rc(gk_events_init(), 0, "events");
    port = gk_evtchn_bind_virq(VIRQ_TIMER, 0);
    if (port < 0)
        test_error("bind_virq(VIRQ_TIMER): %ld", port);
    gk_evtchn_set_handler((evtchn_port_t)port, on_tick, NULL);
    gk_local_irq_enable();

    n10 = ticks_over(200 * MS, &gap10);
    check_rc(HYPERVISOR_vcpu_op(VCPUOP_set_periodic_timer, 0, &per), 0,
             "5 ms period");
    n5 = ticks_over(200 * MS, &gap5);
    check_rc(HYPERVISOR_vcpu_op(VCPUOP_stop_periodic_timer, 0, NULL), 0,
             "stop");
    ticks_over(MS, &gap0);        /* a tick already in flight may land */
    n0 = ticks_over(50 * MS, &gap0);
    gk_local_irq_disable();

    gk_printf("200 ms at 10 ms: %u ticks, mean %lu us; at 5 ms: %u, "
              "mean %lu us; after stop: %u\n", n10, gap10 / 1000, n5,
              gap5 / 1000, n0);
    check(n10 >= 3, "%u ticks of a 10 ms timer in 200 ms", n10);
    check(n5 >= 3, "%u ticks of a 5 ms timer in 200 ms", n5);
    check(gap10 >= 9 * MS, "10 ms ticks came every %lu ns", gap10);
    check(gap5 >= 4500000ULL, "5 ms ticks came every %lu ns", gap5);
    check(gap5 < gap10, "5 ms ticks every %lu ns, 10 ms ones every %lu ns",
          gap5, gap10);
    check_eq(n0, 0, "ticks after stop_periodic_timer");
    return 0;
}
