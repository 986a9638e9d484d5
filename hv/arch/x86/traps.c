/* SPDX-License-Identifier: MIT */
/*
 * do_trap(): every exception and interrupt lands here. Those from a guest go
 * to the PV layer; those from hv either have a fixup (a guest access that
 * faulted) or are hv bugs, which stop the machine with a dump.
 */
#include "arch/x86/cpu.h"
#include "arch/x86/regs.h"
#include "arch/x86/cpu-init.h"
#include "arch/x86/apic.h"
#include "console/console.h"
#include "time/timer.h"
#include "domain/domain.h"
#include "pv/dump.h"
#include "pv/traps.h"

#define INT80_VECTOR 0x80

struct ex_entry {
    uint64_t insn, fixup;
};
extern const struct ex_entry __start_ex_table[], __stop_ex_table[];

static bool apply_fixup(struct hv_regs *regs)
{
    for (const struct ex_entry *e = __start_ex_table; e < __stop_ex_table;
         e++)
        if (e->insn == regs->rip) {
            /* The fixup may need it (a faulting iretq names the selector). */
            get_cpu_info()->fixup_error = regs->error_code;
            regs->rip = e->fixup;
            return true;
        }
    return false;
}

void do_trap(struct hv_regs *regs)
{
    if (regs->vector == 2) {
        /* NMIs carry no work yet; never let one take hv down. */
        hv_log(LOG_WARN, "NMI received (ignored)");
        return;
    }
    if (regs->vector == INT80_VECTOR && regs_from_guest(regs)) {
        pv_handle_int80(current_vcpu(), regs);
        return;
    }
    if (regs->vector == APIC_TIMER_VECTOR) {
        apic_eoi();
        timer_interrupt();
        return;
    }
    if (regs->vector == APIC_SPURIOUS_VECTOR)
        return;
    if (regs->vector >= 32) {
        hv_log(LOG_WARN, "unexpected interrupt vector %lu", regs->vector);
        apic_eoi();
        return;
    }
    if (regs_from_guest(regs)) {
        struct hv_regs *frame = &get_cpu_info()->guest_regs;

        /*
         * IST vectors (#DB here) arrive on their own stack: handle the
         * guest's state where every other path keeps it, then copy back
         * for the return from this stack.
         */
        if (regs != frame)
            *frame = *regs;
        pv_handle_exception(current_vcpu(), frame);
        if (regs != frame)
            *regs = *frame;
        return;
    }
    if (apply_fixup(regs))
        return;
    dump_regs("hv fault", regs);
    panic("unexpected exception %lu in hv at %#lx", regs->vector, regs->rip);
}
