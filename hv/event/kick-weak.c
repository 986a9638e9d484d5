/* SPDX-License-Identifier: MIT */
/* Stand-ins until the scheduler links its own (strong) definitions. */
#include "event/kick.h"

__attribute__((weak)) void vcpu_kick(struct vcpu *v)
{
    (void)v;
}

__attribute__((weak)) void vcpu_poll_wake(struct vcpu *v, unsigned int port)
{
    (void)v;
    (void)port;
}
