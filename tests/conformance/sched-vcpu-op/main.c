/* SPDX-License-Identifier: MIT */
/*
 * Pins vcpu_op for a one-vCPU dom0: is_up(0) is 1 and any other vCPU is
 * -ENOENT; get_runstate_info of the caller says running, with an entry
 * time not in the future; set_periodic_timer below 1 ms is -EINVAL,
 * 10 ms and stop are 0; set_singleshot_timer (even in the past) and
 * stop_singleshot_timer are 0; unreadable arguments are -EFAULT; an
 * unknown command is -ENOSYS.
 */
#include "abi/errno.h"
#include "abi/vcpu.h"
#include "gk/bad.h"
#include "gk/hypercall.h"
#include "gk/test.h"
#include "gk/time.h"

GK_TEST_INFO("sched-vcpu-op", "vcpu_op timers, runstate and errors");

int main(void)
{
    struct vcpu_runstate_info rs;
    struct vcpu_set_periodic_timer per;
    struct vcpu_set_singleshot_timer one = { 0, 0 };
    uint64_t now;

    check_rc(HYPERVISOR_vcpu_op(VCPUOP_is_up, 0, NULL), 1, "is_up(0)");
    check_rc(HYPERVISOR_vcpu_op(VCPUOP_is_up, 1, NULL), -XEN_ENOENT,
             "is_up(1)");
    check_rc(HYPERVISOR_vcpu_op(VCPUOP_is_up, 0x10000, NULL), -XEN_ENOENT,
             "is_up(0x10000)");

    check_rc(HYPERVISOR_vcpu_op(VCPUOP_get_runstate_info, 0, &rs), 0,
             "get_runstate_info");
    now = gk_system_time();
    check_eq(rs.state, RUNSTATE_running, "runstate");
    check(rs.state_entry_time <= now, "entry time %lu after now %lu",
          rs.state_entry_time, now);
    check_rc(HYPERVISOR_vcpu_op(VCPUOP_get_runstate_info, 0,
                                (void *)GK_BAD_UNMAPPED),
             -XEN_EFAULT, "get_runstate_info to an unmapped buffer");

    per.period_ns = 500000;
    check_rc(HYPERVISOR_vcpu_op(VCPUOP_set_periodic_timer, 0, &per),
             -XEN_EINVAL, "periodic timer of 0.5 ms");
    per.period_ns = 10000000;
    check_rc(HYPERVISOR_vcpu_op(VCPUOP_set_periodic_timer, 0, &per), 0,
             "periodic timer of 10 ms");
    check_rc(HYPERVISOR_vcpu_op(VCPUOP_set_periodic_timer, 0,
                                (void *)GK_BAD_UNMAPPED),
             -XEN_EFAULT, "periodic timer from an unmapped argument");
    check_rc(HYPERVISOR_vcpu_op(VCPUOP_stop_periodic_timer, 0, NULL), 0,
             "stop periodic timer");

    one.timeout_abs_ns = 1;
    check_rc(HYPERVISOR_vcpu_op(VCPUOP_set_singleshot_timer, 0, &one), 0,
             "single-shot timer in the past");
    one.timeout_abs_ns = gk_system_time() + 1000000000ULL;
    check_rc(HYPERVISOR_vcpu_op(VCPUOP_set_singleshot_timer, 0, &one), 0,
             "single-shot timer in a second");
    check_rc(HYPERVISOR_vcpu_op(VCPUOP_stop_singleshot_timer, 0, NULL), 0,
             "stop single-shot timer");
    check_rc(HYPERVISOR_vcpu_op(VCPUOP_set_singleshot_timer, 0,
                                (void *)GK_BAD_UNMAPPED),
             -XEN_EFAULT, "single-shot timer from an unmapped argument");

    check_rc(HYPERVISOR_vcpu_op(99, 0, NULL), -XEN_ENOSYS, "command 99");
    return 0;
}
