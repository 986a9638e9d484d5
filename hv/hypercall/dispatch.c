/* SPDX-License-Identifier: MIT */
/*
 * The hypercall table and the `syscall` entry from guests: kernel-mode
 * `syscall` is a hypercall; user-mode `syscall` belongs to the guest
 * kernel and is bounced to its syscall callback.
 */
#include "hypercall/hypercall.h"
#include "hypercall/hc-stats.h"
#include "console/console.h"
#include "domain/domain.h"
#include "pv/bounce.h"
#include "pv/debugreg.h"
#include "pv/physdev.h"
#include "pv/platform-op.h"

#include <abi/hypercall.h>
#include <hv/errno.h>

static const hypercall_fn hypercall_table[NR_HYPERCALLS] = {
    [__HYPERVISOR_set_trap_table] = hc_set_trap_table,
    [__HYPERVISOR_mmu_update] = hc_mmu_update,
    [__HYPERVISOR_set_gdt] = hc_set_gdt,
    [__HYPERVISOR_stack_switch] = hc_stack_switch,
    [__HYPERVISOR_set_callbacks] = hc_set_callbacks,
    [__HYPERVISOR_fpu_taskswitch] = hc_fpu_taskswitch,
    [__HYPERVISOR_sched_op_compat] = hc_sched_op_compat,
    [__HYPERVISOR_platform_op] = hc_platform_op,
    [__HYPERVISOR_set_debugreg] = hc_set_debugreg,
    [__HYPERVISOR_get_debugreg] = hc_get_debugreg,
    [__HYPERVISOR_update_descriptor] = hc_update_descriptor,
    [__HYPERVISOR_memory_op] = hc_memory_op,
    [__HYPERVISOR_multicall] = hc_multicall,
    [__HYPERVISOR_update_va_mapping] = hc_update_va_mapping,
    [__HYPERVISOR_set_timer_op] = hc_set_timer_op,
    [__HYPERVISOR_event_channel_op_compat] = hc_event_channel_op_compat,
    [__HYPERVISOR_xen_version] = hc_xen_version,
    [__HYPERVISOR_console_io] = hc_console_io,
    [__HYPERVISOR_grant_table_op] = hc_grant_table_op,
    [__HYPERVISOR_vm_assist] = hc_vm_assist,
    [__HYPERVISOR_update_va_mapping_otherdomain] =
        hc_update_va_mapping_otherdomain,
    [__HYPERVISOR_iret] = hc_iret,
    [__HYPERVISOR_vcpu_op] = hc_vcpu_op,
    [__HYPERVISOR_set_segment_base] = hc_set_segment_base,
    [__HYPERVISOR_sched_op] = hc_sched_op,
    [__HYPERVISOR_callback_op] = hc_callback_op,
    [__HYPERVISOR_sysctl] = hc_sysctl,
    [__HYPERVISOR_domctl] = hc_domctl,
    [__HYPERVISOR_mmuext_op] = hc_mmuext_op,
    [__HYPERVISOR_event_channel_op] = hc_event_channel_op,
    [__HYPERVISOR_physdev_op] = hc_physdev_op,
};

struct hv_regs *guest_regs(void)
{
    return &get_cpu_info()->guest_regs;
}

long hypercall_call(struct vcpu *v, uint64_t nr, const uint64_t args[5])
{
    uint32_t token = hc_stats_begin();
    long rc;

    if (nr >= NR_HYPERCALLS || !hypercall_table[nr])
        rc = gerr(v, -ENOSYS, "hypercall %lu (%#lx, %#lx, %#lx) unknown", nr,
                  args[0], args[1], args[2]);
    else
        rc = hypercall_table[nr](v, args[0], args[1], args[2], args[3],
                                 args[4]);
    hc_stats_end(v, token, nr, args, rc);
    return rc;
}

void do_syscall(struct hv_regs *regs)
{
    struct vcpu *v = current_vcpu();
    uint64_t args[5] = { regs->rdi, regs->rsi, regs->rdx, regs->r10,
                         regs->r8 };

    if (!v->in_kernel) {
        /* A user-mode syscall belongs to the guest kernel. */
        pv_bounce_syscall(v, regs);
        return;
    }
    regs->rax = hypercall_call(v, regs->rax, args);
}
