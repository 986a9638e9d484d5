/* SPDX-License-Identifier: MIT */
/*
 * What happens when a guest faults. Most vectors bounce unchanged; a few
 * need work first: #PF records cr2, #NM clears the virtual TS, #GP may be a
 * software interrupt the guest is allowed to make, #UD may be the
 * forced-emulation prefix.
 */
#include "pv/traps.h"
#include "arch/x86/cpu.h"
#include "console/console.h"
#include "domain/domain.h"
#include "hypercall/guest-copy.h"
#include "hypercall/hc-stats.h"
#include "pv/bounce.h"
#include "pv/debugreg.h"
#include "pv/emulate.h"
#include "pv/ldt.h"
#include "pv/ptwr.h"

#define X86_TRAP_DB 1
#define X86_TRAP_UD 6
#define X86_TRAP_NM 7
#define X86_TRAP_GP 13
#define X86_TRAP_PF 14
#define PFEC_USER   (1UL << 2)

/*
 * A ring-3 `int n` through a DPL-0 gate raises #GP(n*8+2). QEMU before 8.0
 * reports n*16+2, so hv reads the instruction instead of trusting the code
 * (reference: qemu-tcg-quirks.md, bug 1).
 */
static bool softint_vector(const struct hv_regs *regs, unsigned int *vec,
                           unsigned int *len)
{
    uint8_t insn[2];

    if ((regs->error_code & 7) != 2)
        return false;
    if (!copy_from_guest(insn, regs->rip, 2) && insn[0] == 0xCD) {
        *vec = insn[1];
        *len = 2;
        return true;
    }
    if (!copy_from_guest(insn, regs->rip, 1) &&
        (insn[0] == 0xCC || insn[0] == 0xCE || insn[0] == 0xF1)) {
        *vec = insn[0] == 0xCC ? 3 : insn[0] == 0xCE ? 4 : 1;
        *len = 1;
        return true;
    }
    *vec = regs->error_code >> 3;
    *len = 2;
    return true;
}

static void handle_gp(struct vcpu *v, struct hv_regs *regs)
{
    unsigned int vec, len;

    if (softint_vector(regs, &vec, &len)) {
        const struct trap_info *ti = &v->trap_ctxt[vec & 0xFF];
        /* Kernel mode may use gates of DPL >= 1, user mode only DPL 3. */
        unsigned int need = v->in_kernel ? 1 : 3;

        if (ti->address && TI_GET_DPL(ti) >= need) {
            regs->rip += len;
            pv_inject_trap(v, regs, vec, NO_ERROR_CODE);
            return;
        }
        /* Not allowed: #GP with the architectural error code. */
        pv_inject_trap(v, regs, X86_TRAP_GP, (vec & 0xFF) * 8 + 2);
        return;
    }
    if (pv_emulate_privileged(v, regs))
        return;
    hc_stats_trace_trap(v, X86_TRAP_GP, regs->error_code, regs->rip, 0);
    pv_inject_trap(v, regs, X86_TRAP_GP, regs->error_code);
}

void pv_handle_exception(struct vcpu *v, struct hv_regs *regs)
{
    unsigned int vec = regs->vector;
    uint64_t ldt_va;

    switch (vec) {
    case X86_TRAP_DB:
        pv_debugreg_latch_dr6(v);
        break;
    case X86_TRAP_UD:
        if (pv_emulate_forced_cpuid(v, regs))
            return;
        break;
    case X86_TRAP_NM:
        /* The guest sees #NM only after its virtual TS is cleared. */
        if (v->fpu_ts) {
            v->fpu_ts = false;
            clts();
        }
        break;
    case X86_TRAP_GP:
        handle_gp(v, regs);
        return;
    case X86_TRAP_PF:
        if (pv_ldt_fault(v, read_cr2(), &ldt_va)) {
            if (!ldt_va)
                return;             /* LDT page loaded: retry */
            v->vcpu_info->arch.cr2 = ldt_va;
            break;
        }
        if (pv_ptwr_fault(v, regs, read_cr2()))
            return;
        v->vcpu_info->arch.cr2 = read_cr2();
        /* The guest kernel is a supervisor to itself: no U bit for it. */
        if (v->in_kernel)
            regs->error_code &= ~PFEC_USER;
        break;
    }
    hc_stats_trace_trap(v, vec, regs->error_code, regs->rip,
                        vec == X86_TRAP_PF ? v->vcpu_info->arch.cr2 : 0);
    pv_inject_trap(v, regs, vec, vector_has_error_code(vec)
                                     ? regs->error_code : NO_ERROR_CODE);
}

void pv_handle_int80(struct vcpu *v, struct hv_regs *regs)
{
    if (v->trap_ctxt[0x80].address) {
        pv_inject_trap(v, regs, 0x80, NO_ERROR_CODE);
        return;
    }
    /* No handler: the #GP a DPL-0 gate would have raised, at the int. */
    regs->rip -= 2;
    pv_inject_trap(v, regs, X86_TRAP_GP, 0x80 * 8 + 2);
}
