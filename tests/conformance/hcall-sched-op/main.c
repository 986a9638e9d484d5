/* SPDX-License-Identifier: MIT */
/*
 * Pins the non-fatal sched_op paths: SCHEDOP_yield returns 0 (with any
 * argument); an unknown command returns -ENOSYS; SCHEDOP_shutdown and
 * SCHEDOP_poll with an unreadable argument return -EFAULT without
 * shutting down; SCHEDOP_poll with more than 128 ports returns -EINVAL;
 * SCHEDOP_remote_shutdown of a domain that does not exist returns -ESRCH.
 * The final poweroff is the test's own result line.
 */
#include "abi/errno.h"
#include "abi/sched.h"
#include "gk/bad.h"
#include "gk/hypercall.h"
#include "gk/test.h"

GK_TEST_INFO("hcall-sched-op", "sched_op yield and its error paths");

int main(void)
{
    uint32_t port = 1;
    struct sched_poll poll = { .ports = (uint64_t)&port, .nr_ports = 129 };
    struct sched_remote_shutdown rs = { .domain_id = 1000,
                                        .reason = SHUTDOWN_poweroff };

    check_rc(HYPERVISOR_sched_op(SCHEDOP_yield, NULL), 0, "yield");
    check_rc(HYPERVISOR_sched_op(SCHEDOP_yield, (void *)GK_BAD_UNMAPPED), 0,
             "yield with a garbage argument");
    check_rc(HYPERVISOR_sched_op(64, NULL), -XEN_ENOSYS, "command 64");
    check_rc(HYPERVISOR_sched_op(-1, NULL), -XEN_ENOSYS, "command -1");
    check_rc(HYPERVISOR_sched_op(SCHEDOP_shutdown, (void *)GK_BAD_UNMAPPED),
             -XEN_EFAULT, "shutdown with an unmapped argument");
    check_rc(HYPERVISOR_sched_op(SCHEDOP_shutdown,
                                 (void *)GK_BAD_NONCANONICAL),
             -XEN_EFAULT, "shutdown with a non-canonical argument");
    check_rc(HYPERVISOR_sched_op(SCHEDOP_poll, (void *)GK_BAD_UNMAPPED),
             -XEN_EFAULT, "poll with an unmapped argument");
    check_rc(HYPERVISOR_sched_op(SCHEDOP_poll, &poll), -XEN_EINVAL,
             "poll of 129 ports");
    check_rc(HYPERVISOR_sched_op(SCHEDOP_remote_shutdown, &rs), -XEN_ESRCH,
             "remote_shutdown of domain 1000");
    return 0;
}
