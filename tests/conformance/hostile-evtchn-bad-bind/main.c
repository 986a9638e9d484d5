/* SPDX-License-Identifier: MIT */
/*
 * EV-BIND (class J): bind_virq over VIRQs 24..1023 plus 2^31 and ~0
 * on vCPU 0 (-EINVAL), per-vCPU VIRQs on vCPUs 1..64 and ~0 (-ENOENT),
 * global VIRQs on any vCPU but 0 (-EINVAL), bind_ipi and bind_vcpu on
 * vCPUs 1..64 and ~0 (-ENOENT). None of the refusals uses up a port:
 * the next allocation is still port 1.
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

GK_TEST_INFO("hostile-evtchn-bad-bind", "bind_virq, bind_ipi and bind_vcpu with every bad vCPU and VIRQ number class are refused in Xen's order and allocate nothing");

static const uint32_t big[] = { 0x80000000U, 0xFFFFFFFEU, 0xFFFFFFFFU };

int main(void)
{
    for (uint32_t virq = NR_VIRQS; virq < 1024; virq++)
        check_rc(gk_evtchn_bind_virq(virq, 0), -XEN_EINVAL, "virq >= 24");
    for (unsigned int i = 0; i < 3; i++) {
        check_rc(gk_evtchn_bind_virq(big[i], 0), -XEN_EINVAL, "huge virq");
        check_rc(gk_evtchn_bind_virq(VIRQ_TIMER, big[i]), -XEN_ENOENT,
                 "VIRQ_TIMER on a huge vcpu");
        check_rc(gk_evtchn_bind_virq(VIRQ_CONSOLE, big[i]), -XEN_EINVAL,
                 "global virq on a huge vcpu");
        check_rc(gk_evtchn_bind_ipi(big[i]), -XEN_ENOENT, "ipi, huge vcpu");
        check_rc(gk_evtchn_bind_vcpu(1, big[i]), -XEN_ENOENT,
                 "bind_vcpu, huge vcpu");
    }
    for (uint32_t vcpu = 1; vcpu <= 64; vcpu++) {
        check_rc(gk_evtchn_bind_virq(VIRQ_TIMER, vcpu), -XEN_ENOENT,
                 "VIRQ_TIMER on a missing vcpu");
        check_rc(gk_evtchn_bind_virq(VIRQ_XENPMU, vcpu), -XEN_ENOENT,
                 "VIRQ_XENPMU on a missing vcpu");
        check_rc(gk_evtchn_bind_virq(VIRQ_DOM_EXC, vcpu), -XEN_EINVAL,
                 "global virq off vcpu 0");
        check_rc(gk_evtchn_bind_ipi(vcpu), -XEN_ENOENT, "ipi, missing vcpu");
        check_rc(gk_evtchn_bind_vcpu(4096, vcpu), -XEN_ENOENT,
                 "bind_vcpu, missing vcpu");
    }
    check_rc(gk_evtchn_alloc_unbound(DOMID_SELF), 1,
             "no port was used by the refusals");
    return 0;
}
