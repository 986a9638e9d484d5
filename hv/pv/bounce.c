/* SPDX-License-Identifier: MIT */
/*
 * Building the bounce frame. From new rsp upward the guest finds:
 * RCX, R11, [error code], RIP, CS | saved_mask << 32, RFLAGS, RSP, SS.
 * Its handler pops RCX and R11 and then has a hardware exception frame.
 */
#include "pv/bounce.h"
#include "arch/x86/cpu.h"
#include "console/console.h"
#include "domain/domain.h"
#include "hypercall/guest-copy.h"
#include "pv/mode.h"

#include <abi/pv64.h>
#include <format.h>

#define X86_TRAP_UD 6

bool vector_has_error_code(unsigned int vector)
{
    return vector == 8 || (vector >= 10 && vector <= 14) || vector == 17 ||
           vector == 21 || vector == 29 || vector == 30;
}

bool pv_bounce(struct vcpu *v, struct hv_regs *regs, uint64_t handler,
               uint64_t error, bool mask_events)
{
    struct vcpu_info *vi = v->vcpu_info;
    uint8_t saved_mask = vi->evtchn_upcall_mask;
    bool from_user = !v->in_kernel;
    uint64_t frame[8], sp;
    unsigned int n = 0;
    char why[64];

    /* Guest kernel context shows RPL 0 in the saved CS (reference §6.2). */
    frame[n++] = regs->rcx;
    frame[n++] = regs->r11;
    if (error != NO_ERROR_CODE)
        frame[n++] = error;
    frame[n++] = regs->rip;
    frame[n++] = (from_user ? regs->cs : regs->cs & ~3UL) |
                 ((uint64_t)saved_mask << 32);
    frame[n++] = (regs->rflags & ~(X86_EFLAGS_IF | X86_EFLAGS_IOPL)) |
                 (saved_mask ? 0 : X86_EFLAGS_IF);
    frame[n++] = regs->rsp;
    frame[n++] = regs->ss;

    if (from_user)
        pv_switch_to_kernel(v);
    sp = ((from_user ? v->kernel_sp : regs->rsp) & ~15UL) - n * 8;
    if (copy_to_guest(sp, frame, n * 8)) {
        snformat(why, sizeof(why), "cannot write a bounce frame at %#lx",
                 sp);
        domain_crash(v->domain, why);
        return false;
    }

    if (mask_events)
        vi->evtchn_upcall_mask = 1;
    regs->rip = handler;
    regs->cs = FLAT_KERNEL_CS;
    regs->ss = FLAT_KERNEL_SS;
    regs->rsp = sp;
    regs->rflags &= ~(X86_EFLAGS_TF | X86_EFLAGS_NT | X86_EFLAGS_RF |
                      X86_EFLAGS_AC | X86_EFLAGS_VM);
    return true;
}

void pv_inject_trap(struct vcpu *v, struct hv_regs *regs, unsigned int vector,
                    uint64_t error)
{
    const struct trap_info *ti = &v->trap_ctxt[vector & 0xFF];
    char why[48];

    if (!ti->address) {
        snformat(why, sizeof(why), "vector %u with no handler", vector);
        domain_crash(v->domain, why);
        return;
    }
    pv_bounce(v, regs, ti->address, error, TI_GET_IF(ti));
}

void pv_bounce_syscall(struct vcpu *v, struct hv_regs *regs)
{
    /* 32-bit code entered through CSTAR, which recorded CS 0xE023. */
    const struct callback *cb = &v->callbacks[
        regs->cs == FLAT_USER_CS32 ? CB_SYSCALL32 : CB_SYSCALL];

    if (!cb->address) {
        /* No callback: #UD at the `syscall` instruction itself. */
        regs->rip -= 2;
        pv_inject_trap(v, regs, X86_TRAP_UD, NO_ERROR_CODE);
        return;
    }
    if (pv_bounce(v, regs, cb->address, NO_ERROR_CODE, cb->mask_events))
        regs->rflags &= ~X86_EFLAGS_DF;
}
