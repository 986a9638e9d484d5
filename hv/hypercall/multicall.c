/* SPDX-License-Identifier: MIT */
/* multicall (13) and hypercall continuations. */
#include "hypercall/continuation.h"
#include "hypercall/guest-copy.h"
#include "hypercall/hypercall.h"
#include "console/console.h"
#include "domain/domain.h"

#include <abi/hypercall.h>
#include <abi/multicall.h>
#include <hv/errno.h>

bool hypercall_may_preempt(const struct vcpu *v)
{
    return !v->in_multicall;
}

long hypercall_continue(unsigned int nr, uint64_t a1, uint64_t a2,
                        uint64_t a3, uint64_t a4, uint64_t a5)
{
    struct hv_regs *r = guest_regs();

    r->rip -= 2;     /* back over the 2-byte `syscall` */
    r->rdi = a1;
    r->rsi = a2;
    r->rdx = a3;
    r->r10 = a4;
    r->r8 = a5;
    return nr;
}

/*
 * Run nr entries in order; each result lands in its entry. A nested
 * multicall gets -EINVAL; an iret ends the batch (its frame now decides
 * where the guest goes). Returns 0, or -EFAULT if an entry is unreadable
 * or its result unwritable.
 */
long hc_multicall(struct vcpu *v, uint64_t calls, uint64_t nr, uint64_t a3,
                  uint64_t a4, uint64_t a5)
{
    nr = (uint32_t)nr;
    for (uint64_t i = 0; i < nr; i++) {
        struct multicall_entry e;
        long rc;

        if (i && i % HYPERCALL_BUDGET == 0 && hypercall_may_preempt(v))
            return hypercall_continue(__HYPERVISOR_multicall,
                                      calls + i * sizeof(e), nr - i, 0, 0,
                                      0);
        if (copy_from_guest_idx(&e, calls, i, sizeof(e)))
            return gerr(v, -EFAULT, "multicall: entry %lu unreadable", i);
        if (e.op == __HYPERVISOR_multicall) {
            rc = gerr(v, -EINVAL, "multicall: nested multicall at %lu", i);
        } else if (e.op == __HYPERVISOR_iret) {
            return hypercall_call(v, e.op, e.args);
        } else {
            v->in_multicall = true;
            rc = hypercall_call(v, e.op, e.args);
            v->in_multicall = false;
        }
        e.result = rc;
        if (copy_to_guest(calls + i * sizeof(e) + 8, &e.result, 8))
            return gerr(v, -EFAULT, "multicall: result %lu unwritable", i);
    }
    return 0;
}
