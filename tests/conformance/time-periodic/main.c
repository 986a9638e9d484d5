/* SPDX-License-Identifier: MIT */
/*
 * Pins the periodic VIRQ_TIMER while the vCPU runs: a PV vCPU starts with
 * a 10 ms period; VCPUOP_set_periodic_timer(5 ms) changes it; after
 * VCPUOP_stop_periodic_timer no tick arrives. Counts depend on how busy
 * the host running QEMU is (both hypervisors lose ticks under load), so
 * the test pins what load cannot fake: ticks arrive (at least 3 in
 * 200 ms), and at 5 ms the closest pair of ticks is about 5 ms apart
 * (4.5-6.5 ms). A tick can follow a late one sooner than the period
 * (Xen 4.17 keeps each tick on its original schedule), so no lower bound
 * is pinned for the 10 ms gaps.
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
static volatile uint64_t last, min_gap;

static void on_tick(evtchn_port_t port, void *data)
{
    uint64_t now = gk_system_time();

    (void)port;
    (void)data;
    if (ticks && now - last < min_gap)
        min_gap = now - last;
    last = now;
    ticks++;
}

/* Spin with events enabled for ns; ticks seen and their closest pair. */
static unsigned int ticks_over(uint64_t ns, uint64_t *closest)
{
    uint64_t end = gk_system_time() + ns;

    ticks = 0;
    min_gap = ~0ULL;
    while (gk_system_time() < end)
        ;
    *closest = min_gap;
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

    gk_printf("200 ms at 10 ms: %u ticks, closest %lu us; at 5 ms: %u, "
              "closest %lu us; after stop: %u\n", n10, gap10 / 1000, n5,
              gap5 / 1000, n0);
    check(n10 >= 3, "%u ticks of a 10 ms timer in 200 ms", n10);
    check(n5 >= 3, "%u ticks of a 5 ms timer in 200 ms", n5);
    check(gap5 >= 4500000ULL && gap5 <= 6500000ULL,
          "at 5 ms the closest ticks were %lu ns apart", gap5);
    check_eq(n0, 0, "ticks after stop_periodic_timer");
    return 0;
}
