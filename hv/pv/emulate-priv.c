/* SPDX-License-Identifier: MIT */
/*
 * Privileged instructions a PV kernel may run and hv emulates, as Xen does:
 * control-register moves, clts, wbinvd, cli/sti (no-ops under the virtual
 * IOPL), rdmsr/wrmsr of the segment-base MSRs and a few read-only ones, and
 * port I/O (hv/pv/ioport.c). The
 * instruction is fetched once into a buffer and decoded from there;
 * anything else is the guest's #GP.
 */
#include "pv/emulate.h"
#include "pv/msr-platform.h"
#include "arch/x86/cpu.h"
#include "arch/x86/page.h"
#include "console/console.h"
#include "domain/domain.h"
#include "hypercall/guest-copy.h"
#include "pv/ioport.h"

#include <string.h>

#define MAX_INSN 15

struct insn {
    uint8_t bytes[MAX_INSN];
    unsigned int len;          /* bytes consumed so far */
    uint8_t rex;
};

/* Fetch up to 15 bytes; a shorter readable run is fine. */
static bool fetch(const struct hv_regs *regs, struct insn *in)
{
    memset(in, 0, sizeof(*in));
    for (unsigned int n = MAX_INSN; n; n--)
        if (!copy_from_guest(in->bytes, regs->rip, n))
            return true;
    return false;
}

static uint64_t *gpr(struct hv_regs *r, unsigned int n)
{
    uint64_t *const map[16] = {
        &r->rax, &r->rcx, &r->rdx, &r->rbx, &r->rsp, &r->rbp, &r->rsi,
        &r->rdi, &r->r8, &r->r9, &r->r10, &r->r11, &r->r12, &r->r13,
        &r->r14, &r->r15,
    };
    return map[n & 15];
}

static uint64_t guest_cr0(const struct vcpu *v)
{
    return (read_cr0() & ~X86_CR0_TS) | (v->fpu_ts ? X86_CR0_TS : 0);
}

static uint64_t guest_cr4(void)
{
    /* What a PV kernel may rely on: PAE and the FXSR/XMM enables. */
    return read_cr4() & (X86_CR4_PAE | X86_CR4_OSFXSR | X86_CR4_OSXMMEXCPT);
}

static bool read_cr(struct vcpu *v, unsigned int cr, uint64_t *val)
{
    switch (cr) {
    case 0: *val = guest_cr0(v); return true;
    case 2: *val = v->vcpu_info->arch.cr2; return true;
    case 3:
        *val = (v->in_kernel ? v->guest_table : v->guest_table_user)
               << PAGE_SHIFT;
        return true;
    case 4: *val = guest_cr4(); return true;
    default: return false;
    }
}

static bool write_cr(struct vcpu *v, unsigned int cr, uint64_t val)
{
    switch (cr) {
    case 0:
        /* Only TS may change, as with fpu_taskswitch. */
        if ((val ^ guest_cr0(v)) & ~X86_CR0_TS)
            return false;
        v->fpu_ts = val & X86_CR0_TS;
        if (v->fpu_ts)
            write_cr0(read_cr0() | X86_CR0_TS);
        else
            clts();
        return true;
    case 2:
        v->vcpu_info->arch.cr2 = val;
        return true;
    case 4:
        /*
         * CR4 is hv's. Like Xen 4.17, a guest's change is ignored rather
         * than refused: Linux sets bits such as MCE while it starts and
         * would die of the #GP.
         */
        if (val != guest_cr4())
            gdebug(v, "mov to cr4 %#lx ignored (cr4 is %#lx)", val,
                   guest_cr4());
        return true;
    default:
        return false;
    }
}

static bool read_msr(struct vcpu *v, uint32_t msr, uint64_t *val)
{
    switch (msr) {
    case MSR_FS_BASE: *val = v->fs_base; return true;
    case MSR_GS_BASE:
        *val = v->in_kernel ? v->gs_base_kernel : v->gs_base_user;
        return true;
    case MSR_SHADOW_GS_BASE:
        *val = v->in_kernel ? v->gs_base_user : v->gs_base_kernel;
        return true;
    case MSR_EFER: *val = rdmsr(MSR_EFER) & ~(1UL << 12); return true;
    case MSR_PAT: *val = rdmsr(MSR_PAT); return true;
    default: return msr_platform_read(v, msr, val);
    }
}

static bool write_msr(struct vcpu *v, uint32_t msr, uint64_t val)
{
    if (msr_platform_write(v, msr, val))
        return true;
    if (!is_canonical(val))
        return false;
    switch (msr) {
    case MSR_FS_BASE:
        v->fs_base = val;
        wrmsr(MSR_FS_BASE, val);
        return true;
    case MSR_GS_BASE:
        if (v->in_kernel)
            v->gs_base_kernel = val;
        else
            v->gs_base_user = val;
        wrmsr(MSR_GS_BASE, val);
        return true;
    case MSR_SHADOW_GS_BASE:
        if (v->in_kernel)
            v->gs_base_user = val;
        else
            v->gs_base_kernel = val;
        return true;
    default:
        return false;
    }
}

static bool emulate_0f(struct vcpu *v, struct hv_regs *regs, struct insn *in)
{
    uint8_t op = in->bytes[in->len++];
    uint8_t modrm = in->bytes[in->len];
    unsigned int reg = ((modrm >> 3) & 7) | ((in->rex & 4) << 1);
    unsigned int rm = (modrm & 7) | ((in->rex & 1) << 3);
    uint64_t val;

    switch (op) {
    case 0x06:                                  /* clts */
        return write_cr(v, 0, guest_cr0(v) & ~X86_CR0_TS);
    case 0x09:                                  /* wbinvd: nothing to do */
        return is_privileged(v->domain);
    case 0x20:                                  /* mov %crN, %reg */
        if ((modrm >> 6) != 3 || !read_cr(v, reg, &val))
            return false;
        in->len++;
        *gpr(regs, rm) = val;
        return true;
    case 0x22:                                  /* mov %reg, %crN */
        if ((modrm >> 6) != 3 || !write_cr(v, reg, *gpr(regs, rm)))
            return false;
        in->len++;
        return true;
    case 0x32:                                  /* rdmsr */
        if (!read_msr(v, (uint32_t)regs->rcx, &val))
            return false;
        regs->rax = (uint32_t)val;
        regs->rdx = val >> 32;
        return true;
    case 0x30:                                  /* wrmsr */
        return write_msr(v, (uint32_t)regs->rcx,
                         (regs->rdx << 32) | (uint32_t)regs->rax);
    default:
        return false;
    }
}

bool pv_emulate_privileged(struct vcpu *v, struct hv_regs *regs)
{
    struct insn in;
    bool opsize16 = false;

    if (!fetch(regs, &in))
        return false;
    /* Operand-size and segment prefixes do not change the 0F forms. */
    while (in.len < 4 && (in.bytes[in.len] == 0x66 ||
                          in.bytes[in.len] == 0x2E ||
                          in.bytes[in.len] == 0x3E))
        opsize16 |= in.bytes[in.len++] == 0x66;
    if ((in.bytes[in.len] & 0xF0) == 0x40)
        in.rex = in.bytes[in.len++];
    if (pv_is_io_opcode(in.bytes[in.len])) {
        unsigned int n = pv_emulate_io(v, regs, &in.bytes[in.len], opsize16);

        if (!n)
            return false;
        regs->rip += in.len + n;
        return true;
    }
    if (in.bytes[in.len] == 0xFA || in.bytes[in.len] == 0xFB) {
        /*
         * cli/sti: a no-op where the virtual IOPL allows them, as on Xen
         * 4.17, which leaves the event mask alone (a later popf could not
         * restore it). Linux runs cli early (cmpxchg16b emulation).
         */
        if (v->iopl < (v->in_kernel ? 1 : 3))
            return false;
        regs->rip += in.len + 1;
        return true;
    }
    if (in.bytes[in.len] != 0x0F)
        return false;
    in.len++;
    if (!emulate_0f(v, regs, &in))
        return false;
    regs->rip += in.len;
    return true;
}
