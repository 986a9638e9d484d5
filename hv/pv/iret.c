/* SPDX-License-Identifier: MIT */
/*
 * iret (23): the guest's return from an exception or event handler, and
 * its only way into user mode. The frame is the iret_context the iret
 * stub leaves at the guest's rsp (reference §6.3).
 */
#include "hypercall/guest-copy.h"
#include "hypercall/hypercall.h"
#include "arch/x86/cpu.h"
#include "arch/x86/page.h"
#include "console/console.h"
#include "domain/domain.h"
#include "pv/bounce.h"
#include "pv/mode.h"

#include <abi/pv64.h>
#include <hv/errno.h>

long hc_iret(struct vcpu *v, uint64_t a1, uint64_t a2, uint64_t a3,
             uint64_t a4, uint64_t a5)
{
    struct hv_regs *regs = guest_regs();
    struct iret_context ctx;

    if (copy_from_guest(&ctx, regs->rsp, sizeof(ctx))) {
        domain_crash(v->domain, "iret: frame unreadable");
        return -EFAULT;
    }
    if ((ctx.cs & 3) == 3 && v->in_kernel && !pv_switch_to_user(v)) {
        domain_crash(v->domain, "iret to user mode without a user table");
        return -EINVAL;
    }

    regs->rip = ctx.rip;
    regs->rsp = ctx.rsp;
    regs->rflags = (ctx.rflags & ~(X86_EFLAGS_IOPL | X86_EFLAGS_VM |
                                   X86_EFLAGS_NT | X86_EFLAGS_VIF |
                                   X86_EFLAGS_VIP)) | X86_EFLAGS_IF;
    if (ctx.flags & VGCF_in_syscall) {
        /*
         * A SYSRET-style return: rcx and r11 are what SYSRET leaves, and
         * as Xen's SYSRETL/SYSRETQ choice, a 32-bit user CS stays 32-bit.
         */
        regs->cs = ((ctx.cs | 3) & 0xFFFF) == FLAT_USER_CS32 ? FLAT_USER_CS32
                                                             : FLAT_USER_CS;
        regs->ss = FLAT_USER_SS;
        regs->rcx = ctx.rip;
        regs->r11 = regs->rflags;
    } else {
        regs->cs = ctx.cs | 3;
        regs->ss = ctx.ss | 3;
        regs->rcx = ctx.rcx;
        regs->r11 = ctx.r11;
    }
    v->vcpu_info->evtchn_upcall_mask = !(ctx.rflags & X86_EFLAGS_IF);
    v->nmi_masked = false;
    /*
     * A non-canonical rip would fault in hv's iretq: give the guest the
     * #GP(0) that return raises on Xen, with the frame it asked for.
     */
    if (!is_canonical(regs->rip))
        pv_inject_trap(v, regs, X86_TRAP_GP, 0);
    return ctx.rax;
}
