/* SPDX-License-Identifier: MIT */
/*
 * Segment bases and the virtual CR0.TS: fpu_taskswitch (5) and
 * set_segment_base (25). Guests never run swapgs; hv keeps the user GS
 * base and loads whichever base the current guest mode uses.
 */
#include "hypercall/hypercall.h"
#include "arch/x86/cpu.h"
#include "arch/x86/page.h"
#include "console/console.h"
#include "domain/domain.h"

#include <abi/pv64.h>
#include <hv/errno.h>

/* fpu_taskswitch(set): set or clear the guest's (and the real) CR0.TS. */
long hc_fpu_taskswitch(struct vcpu *v, uint64_t set, uint64_t a2, uint64_t a3,
                       uint64_t a4, uint64_t a5)
{
    v->fpu_ts = set != 0;
    if (v->fpu_ts)
        write_cr0(read_cr0() | X86_CR0_TS);
    else
        clts();
    return 0;
}

/*
 * Load selector sel into %gs and return the base it brings, leaving the
 * current GS base as it was. A selector that cannot be loaded loads null.
 */
static uint64_t load_user_gs_selector(uint16_t sel)
{
    uint64_t kernel_base = rdmsr(MSR_GS_BASE), user_base;

    __asm__ __volatile__("1: mov %w0, %%gs\n"
                         "2:\n"
                         ".section .fixup_gs, \"ax\"\n"
                         "3: xor %k0, %k0\n"
                         "   mov %w0, %%gs\n"
                         "   jmp 2b\n"
                         ".previous\n"
                         ".section .ex_table, \"a\"\n"
                         ".quad 1b, 3b\n"
                         ".previous"
                         : "+r"(sel));
    user_base = rdmsr(MSR_GS_BASE);
    wrmsr(MSR_GS_BASE, kernel_base);
    return user_base;
}

/*
 * set_segment_base(which, base):
 *   SEGBASE_FS, SEGBASE_GS_USER, SEGBASE_GS_KERNEL: set that base
 *   SEGBASE_GS_USER_SEL: load user %gs from selector base[15:0]
 *   -EINVAL  non-canonical base or unknown which
 */
long hc_set_segment_base(struct vcpu *v, uint64_t which, uint64_t base,
                         uint64_t a3, uint64_t a4, uint64_t a5)
{
    if (which != SEGBASE_GS_USER_SEL && !is_canonical(base))
        return gerr(v, -EINVAL, "set_segment_base: %#lx not canonical",
                    base);
    switch (which) {
    case SEGBASE_FS:
        v->fs_base = base;
        wrmsr(MSR_FS_BASE, base);
        return 0;
    case SEGBASE_GS_USER:
        v->gs_base_user = base;
        if (!v->in_kernel)
            wrmsr(MSR_GS_BASE, base);
        return 0;
    case SEGBASE_GS_KERNEL:
        v->gs_base_kernel = base;
        if (v->in_kernel)
            wrmsr(MSR_GS_BASE, base);
        return 0;
    case SEGBASE_GS_USER_SEL: {
        uint16_t sel = base & 0xFFFF;

        /* RPL 3 for real selectors; the null ones 1-3 load as given. */
        if (sel > 3)
            sel |= 3;
        v->gs_base_user = load_user_gs_selector(sel);
        return 0;
    }
    default:
        return gerr(v, -EINVAL, "set_segment_base: unknown which %lu", which);
    }
}
