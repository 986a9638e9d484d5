/* SPDX-License-Identifier: MIT */
/*
 * Pins VCPUOP_register_runstate_memory_area: registering a guest buffer
 * returns 0 and fills it at once with the running state; after a 10 ms
 * poll (a blocked period and a reschedule) the area is rewritten with
 * the running state again, and its blocked time has grown.
 */
#include "abi/sched.h"
#include "abi/vcpu.h"
#include "gk/boot.h"
#include "gk/hypercall.h"
#include "gk/test.h"
#include "gk/time.h"

GK_TEST_INFO("sched-runstate-area", "registered runstate area");

static volatile struct vcpu_runstate_info area;

int main(void)
{
    struct vcpu_register_runstate_memory_area reg = {
        .addr = (uint64_t)&area,
    };
    uint32_t port = 0;
    struct sched_poll p = { .ports = (uint64_t)&port, .nr_ports = 0 };
    uint64_t blocked0;

    area.state = -1;
    check_rc(HYPERVISOR_vcpu_op(VCPUOP_register_runstate_memory_area, 0,
                                &reg), 0, "register runstate area");
    check_eq(area.state, RUNSTATE_running, "state right after registering");
    blocked0 = area.time[RUNSTATE_blocked];

    gk_shared_info->vcpu_info[0].evtchn_upcall_mask = 1;
    p.timeout = gk_system_time() + 10000000ULL;
    check_rc(HYPERVISOR_sched_op(SCHEDOP_poll, &p), 0, "poll 10 ms");
    check_eq(area.state, RUNSTATE_running, "state after the poll");
    check(area.time[RUNSTATE_blocked] - blocked0 >= 5000000ULL,
          "blocked time grew by %lu ns", area.time[RUNSTATE_blocked] -
                                            blocked0);
    check_eq(area.state_entry_time >> 63, 0, "update flag left set");
    return 0;
}
