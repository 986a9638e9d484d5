/* SPDX-License-Identifier: MIT */
/* Ending the domain. */
#ifndef GK_SHUTDOWN_H
#define GK_SHUTDOWN_H

#include "abi/sched.h"

/*
 * sched_op(SCHEDOP_shutdown, reason) with reason SHUTDOWN_*. Does not
 * return: if the hypervisor refuses, spins yielding forever.
 */
void gk_shutdown(unsigned int reason) __attribute__((noreturn));

#endif
