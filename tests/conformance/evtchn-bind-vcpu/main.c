/* SPDX-License-Identifier: MIT */
/*
 * Pins EVTCHNOP_bind_vcpu: an unbound port, an interdomain port and a
 * global VIRQ port may be (re)bound to vCPU 0; an IPI port, a per-vCPU
 * VIRQ port, port 0, a closed port and port 4096 are -EINVAL; a vCPU
 * that does not exist is -ENOENT, checked before the port.
 */
#include <string.h>

#include "abi/errno.h"
#include "abi/event-channel.h"
#include "abi/memory.h"
#include "gk/bad.h"
#include "gk/boot.h"
#include "gk/events.h"
#include "gk/hypercall.h"
#include "gk/test.h"

GK_TEST_INFO("evtchn-bind-vcpu", "bind_vcpu moves unbound, interdomain and global-VIRQ ports; ipi and per-vCPU VIRQ ports are -EINVAL; a missing vCPU is -ENOENT first");

static long bind(evtchn_port_t port, uint32_t vcpu)
{
    return gk_evtchn_bind_vcpu(port, vcpu);
}

int main(void)
{
    long u, r, l, ipi, timer, global;

    u = gk_evtchn_alloc_unbound(DOMID_SELF);
    r = gk_evtchn_alloc_unbound(DOMID_SELF);
    l = gk_evtchn_bind_interdomain(DOMID_SELF, (evtchn_port_t)r);
    ipi = gk_evtchn_bind_ipi(0);
    timer = gk_evtchn_bind_virq(VIRQ_TIMER, 0);
    global = gk_evtchn_bind_virq(VIRQ_DOM_EXC, 0);
    if (u < 0 || l < 0 || ipi < 0 || timer < 0 || global < 0)
        test_error("could not set up the ports");

    check_rc(bind((evtchn_port_t)u, 0), 0, "unbound");
    check_rc(bind((evtchn_port_t)l, 0), 0, "interdomain");
    check_rc(bind((evtchn_port_t)global, 0), 0, "global virq");
    check_rc(bind((evtchn_port_t)ipi, 0), -XEN_EINVAL, "ipi");
    check_rc(bind((evtchn_port_t)timer, 0), -XEN_EINVAL, "VIRQ_TIMER");
    check_rc(bind(0, 0), -XEN_EINVAL, "port 0");
    check_rc(bind(50, 0), -XEN_EINVAL, "closed port");
    check_rc(bind(4096, 0), -XEN_EINVAL, "port 4096");
    check_rc(bind((evtchn_port_t)u, 1), -XEN_ENOENT, "vcpu 1");
    check_rc(bind(4096, 1), -XEN_ENOENT, "vcpu 1 and port 4096");
    check_rc(bind((evtchn_port_t)global, 0xFFFFFFFF), -XEN_ENOENT,
             "vcpu ~0");
    check_rc(HYPERVISOR_event_channel_op(EVTCHNOP_bind_vcpu,
                                         (void *)GK_BAD_UNMAPPED),
             -XEN_EFAULT, "unmapped argument");
    return 0;
}
