/* SPDX-License-Identifier: MIT */
/*
 * The last C code before iretq to a guest: make sure the frame can only
 * return to ring 3 at a canonical address with sane flags, whatever a
 * hypercall or the guest put there.
 */
#include "arch/x86/cpu.h"
#include "arch/x86/page.h"
#include "arch/x86/regs.h"
#include "console/console.h"
#include "domain/domain.h"
#include "pv/bounce.h"
#include "pv/dump.h"
#include "sched/sched.h"

#include <abi/pv64.h>

/*
 * Events replace interrupts (reference §6.5): with something pending and
 * the upcall mask clear, enter the event callback with events masked.
 */
static void deliver_upcall(struct vcpu *v, struct hv_regs *regs)
{
    struct vcpu_info *vi = v->vcpu_info;
    const struct callback *cb = &v->callbacks[CB_EVENT];

    if (!vi->evtchn_upcall_pending || vi->evtchn_upcall_mask || !cb->address)
        return;
    pv_bounce(v, regs, cb->address, NO_ERROR_CODE, true);
}

void prepare_guest_return(struct hv_regs *regs)
{
    struct vcpu *v;

    sched_maybe_switch();
    v = current_vcpu();
    deliver_upcall(v, regs);

    regs->cs |= 3;
    regs->ss |= 3;
    regs->rflags = (regs->rflags & ~(X86_EFLAGS_IOPL | X86_EFLAGS_NT |
                                     X86_EFLAGS_VM)) | X86_EFLAGS_IF;
    if (!is_canonical(regs->rip))
        domain_crash(v->domain, "return to a non-canonical rip");
}

/*
 * iretq itself faulted (a selector the guest supplied is unusable). Called
 * from the fixup in entry.S with the guest frame rebuilt. As on Xen, the
 * guest gets the #GP (error code: the selector) with the frame it asked
 * for, so a guest kernel can kill the user process that supplied it
 * (e.g. through sigreturn) instead of losing the whole domain; without a
 * #GP handler pv_inject_trap() crashes the domain.
 */
void iret_faulted(struct hv_regs *regs)
{
    struct vcpu *v = current_vcpu();

    pv_inject_trap(v, regs, X86_TRAP_GP, get_cpu_info()->fixup_error);
}
