/* SPDX-License-Identifier: MIT */
/* Kernel/user switches (reference §6.6); FS is never swapped. */
#include "pv/mode.h"
#include "arch/x86/cpu.h"
#include "arch/x86/page.h"
#include "domain/domain.h"

bool pv_switch_to_user(struct vcpu *v)
{
    if (v->guest_table_user == INVALID_MFN)
        return false;
    v->in_kernel = false;
    write_cr3(v->guest_table_user << PAGE_SHIFT);
    wrmsr(MSR_GS_BASE, v->gs_base_user);
    return true;
}

void pv_switch_to_kernel(struct vcpu *v)
{
    v->in_kernel = true;
    write_cr3(v->guest_table << PAGE_SHIFT);
    wrmsr(MSR_GS_BASE, v->gs_base_kernel);
}
