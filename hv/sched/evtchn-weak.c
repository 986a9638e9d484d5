/* SPDX-License-Identifier: MIT */
/*
 * Until hv/event/ lands: VIRQs go nowhere. The real definitions in
 * hv/event/ replace these at link time; this file goes away then.
 */
#include "domain/domain.h"

__attribute__((weak)) int evtchn_send_virq(struct vcpu *v, unsigned int virq)
{
    return 0;
}

__attribute__((weak)) bool evtchn_port_valid(struct domain *d,
                                             unsigned int port)
{
    return port > 0 && port < 4096;
}

__attribute__((weak)) bool evtchn_port_is_pending(struct domain *d,
                                                  unsigned int port)
{
    return port < 4096 &&
           (__atomic_load_n(&d->shared_info->evtchn_pending[port / 64],
                            __ATOMIC_ACQUIRE) >> (port % 64)) & 1;
}
