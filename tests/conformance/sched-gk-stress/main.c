/* SPDX-License-Identifier: MIT */
/*
 * Pins that the hypervisor carries a busy PV kernel for 10 s without
 * losing anything: the stress of guest-kit/examples/stress (13 threads
 * mapping and unmapping pages through batched mmu_update, using the
 * heap, sleeping in SCHEDOP_block on one-shot timers, passing tokens,
 * spawning short-lived threads). Every mapped page and heap object keeps
 * its data, no timer or sleep ends before its deadline, no timer is
 * lost, and at the end the frames and heap in use equal their start
 * values.
 */
#include "gk/test.h"
#include "../../../guest-kit/examples/stress/stress.h"

GK_TEST_INFO("sched-gk-stress", "10 s of threads, timers and mapping");

int main(void)
{
    unsigned int problems = stress_run(10);

    if (problems)
        test_fail("%u problems in the stress (see above)", problems);
    return 0;
}
