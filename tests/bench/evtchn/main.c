/* SPDX-License-Identifier: MIT */
/*
 * Event channels: EVTCHNOP_send on a loopback channel (alloc_unbound to
 * ourselves, bound back with bind_interdomain) with events masked, the
 * guest clearing what the send set as an upcall would; and with events
 * unmasked, where each send ends in an upcall to guest-kit's event
 * callback, the port's handler and the iret hypercall back.
 */
#include "abi/errno.h"
#include "abi/memory.h"
#include "gk/boot.h"
#include "gk/events.h"
#include "gk/test.h"
#include "tests/bench/lib/bench.h"

static volatile uint64_t nr_handled;

static void on_event(evtchn_port_t port, void *data)
{
    (void)port;
    (void)data;
    nr_handled++;
}

static void bench_send_masked(evtchn_port_t tx, evtchn_port_t rx)
{
    uint64_t n = bench_iters(20000), t0, t1;
    long rc = 0;

    gk_local_irq_disable();
    t0 = bench_tsc();
    for (uint64_t i = 0; i < n; i++) {
        rc |= gk_evtchn_send(tx);
        gk_evtchn_clear(rx);
        gk_vcpu_info->evtchn_pending_sel = 0;
        gk_vcpu_info->evtchn_upcall_pending = 0;
    }
    t1 = bench_tsc();
    if (rc)
        test_error("evtchn_send: %ld", rc);
    bench_report("evtchn_send_self", t1 - t0, n, n);
}

static void bench_send_upcall(evtchn_port_t tx, evtchn_port_t rx)
{
    uint64_t n = bench_iters(20000), t0, t1;
    long rc = gk_events_init();

    if (rc)
        test_error("registering the event callback: %ld", rc);
    gk_evtchn_set_handler(rx, on_event, NULL);
    gk_local_irq_enable();
    t0 = bench_tsc();
    for (uint64_t i = 0; i < n; i++)
        rc |= gk_evtchn_send(tx);
    t1 = bench_tsc();
    gk_local_irq_disable();
    if (rc)
        test_error("evtchn_send: %ld", rc);
    if (nr_handled != n)
        test_error("evtchn_upcall: %lu events handled for %lu sends",
                   nr_handled, n);
    bench_report("evtchn_upcall", t1 - t0, n, n);
}

int main(void)
{
    long rx, tx;

    bench_init("evtchn");
    rx = gk_evtchn_alloc_unbound(DOMID_SELF);
    tx = rx < 0 ? rx : gk_evtchn_bind_interdomain(DOMID_SELF,
                                                  (evtchn_port_t)rx);
    if (rx == -XEN_ENOSYS || tx == -XEN_ENOSYS) {
        bench_skip("evtchn_send_self", "no loopback channel: %s",
                   gk_errno_name(rx < 0 ? rx : tx));
        bench_skip("evtchn_upcall", "no loopback channel: %s",
                   gk_errno_name(rx < 0 ? rx : tx));
        bench_end();
    }
    if (rx < 0 || tx < 0)
        test_error("loopback channel: alloc_unbound %ld, bind_interdomain "
                   "%ld", rx, tx);
    bench_send_masked((evtchn_port_t)tx, (evtchn_port_t)rx);
    bench_send_upcall((evtchn_port_t)tx, (evtchn_port_t)rx);
    bench_end();
}
