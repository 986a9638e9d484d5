/* SPDX-License-Identifier: MIT */
/*
 * do_trap(): every exception and interrupt lands here. Those from a guest go
 * to the PV layer; those from hv either have a fixup (a guest access that
 * faulted) or are hv bugs, which stop the machine with a dump.
 */
#include "arch/x86/cpu.h"
#include "arch/x86/regs.h"
#include "arch/x86/cpu-init.h"
#include "console/console.h"
#include "domain/domain.h"
#include "pv/dump.h"
#include "pv/traps.h"

struct ex_entry {
    uint64_t insn, fixup;
};
extern const struct ex_entry __start_ex_table[], __stop_ex_table[];

static bool apply_fixup(struct hv_regs *regs)
{
    for (const struct ex_entry *e = __start_ex_table; e < __stop_ex_table;
         e++)
        if (e->insn == regs->rip) {
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
    if (regs->vector >= 32) {
        hv_log(LOG_WARN, "spurious interrupt vector %lu", regs->vector);
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
