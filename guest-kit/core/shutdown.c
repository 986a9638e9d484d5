/* SPDX-License-Identifier: MIT */
/* Ending the domain through sched_op. */
#include "gk/shutdown.h"

#include <stddef.h>

#include "gk/hypercall.h"

void gk_shutdown(unsigned int reason)
{
    struct sched_shutdown op = { .reason = reason };

    for (;;) {
        HYPERVISOR_sched_op(SCHEDOP_shutdown, &op);
        /* Refused or not yet acted on: keep the vCPU out of the way. */
        HYPERVISOR_sched_op(SCHEDOP_yield, NULL);
    }
}
