/* SPDX-License-Identifier: MIT */
/*
 * Pins SCHEDOP_poll's timeout: with events masked and no port pending,
 * polling no ports with an absolute timeout 20 ms ahead returns 0 no
 * sooner than the timeout and well within a second; a timeout already
 * past returns 0 at once. While the vCPU sleeps its runstate is blocked,
 * so VCPUOP_get_runstate_info shows blocked time grow by about 20 ms.
 */
#include "abi/sched.h"
#include "abi/vcpu.h"
#include "gk/boot.h"
#include "gk/hypercall.h"
#include "gk/test.h"
#include "gk/time.h"

GK_TEST_INFO("sched-poll-timeout", "SCHEDOP_poll with a timeout");

static long poll_until(uint64_t deadline)
{
    uint32_t port = 0;
    struct sched_poll p = { .ports = (uint64_t)&port, .nr_ports = 0,
                            .timeout = deadline };

    return HYPERVISOR_sched_op(SCHEDOP_poll, &p);
}

int main(void)
{
    struct vcpu_runstate_info before, after;
    uint64_t t0, t1;

    gk_shared_info->vcpu_info[0].evtchn_upcall_mask = 1;
    check_rc(HYPERVISOR_vcpu_op(VCPUOP_get_runstate_info, 0, &before), 0,
             "get_runstate_info");

    t0 = gk_system_time();
    check_rc(poll_until(t0 + 20000000ULL), 0, "poll with a 20 ms timeout");
    t1 = gk_system_time();
    gk_printf("poll slept %lu us\n", (t1 - t0) / 1000);
    check(t1 - t0 >= 20000000ULL, "poll returned after %lu ns", t1 - t0);
    check(t1 - t0 < 1000000000ULL, "poll slept %lu ns", t1 - t0);

    check_rc(HYPERVISOR_vcpu_op(VCPUOP_get_runstate_info, 0, &after), 0,
             "get_runstate_info");
    check(after.time[RUNSTATE_blocked] - before.time[RUNSTATE_blocked] >=
              15000000ULL,
          "blocked time grew by %lu ns",
          after.time[RUNSTATE_blocked] - before.time[RUNSTATE_blocked]);

    t0 = gk_system_time();
    check_rc(poll_until(1), 0, "poll with a past timeout");
    t1 = gk_system_time();
    check(t1 - t0 < 500000000ULL, "a past timeout slept %lu ns", t1 - t0);
    return 0;
}
