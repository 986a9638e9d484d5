/* SPDX-License-Identifier: MIT */
/*
 * Pins set_timer_op (15): it never fails. 0 cancels the one-shot timer;
 * a deadline in the past fires at once; a deadline far in the future or
 * negative is accepted (Xen turns those into now + 100 ms). Each returns
 * 0, and with no VIRQ_TIMER port bound nothing reaches the guest.
 */
#include "abi/hypercall.h"
#include "gk/hypercall.h"
#include "gk/test.h"
#include "gk/time.h"

GK_TEST_INFO("time-timer-op", "set_timer_op deadlines");

static long timer_op(uint64_t deadline)
{
    return gk_hypercall5(__HYPERVISOR_set_timer_op, deadline, 0, 0, 0, 0);
}

int main(void)
{
    uint64_t now = gk_system_time();

    check_rc(timer_op(0), 0, "cancel");
    check_rc(timer_op(1), 0, "a deadline in the past");
    check_rc(timer_op(now + 5000000ULL), 0, "a deadline 5 ms ahead");
    check_rc(timer_op(now + (1ULL << 52)), 0, "a deadline 2^52 ns ahead");
    check_rc(timer_op(~0ULL), 0, "a negative deadline");
    check_rc(timer_op(0), 0, "cancel again");
    return 0;
}
