/* SPDX-License-Identifier: MIT */
/*
 * Where the guest wants to be entered: its virtual IDT (set_trap_table),
 * its kernel stack (stack_switch) and its callbacks (set_callbacks,
 * callback_op).
 */
#include "hypercall/continuation.h"
#include "hypercall/guest-copy.h"
#include "hypercall/hypercall.h"
#include "arch/x86/page.h"
#include "console/console.h"
#include "domain/domain.h"

#include <abi/callback.h>
#include <abi/hypercall.h>
#include <hv/errno.h>
#include <string.h>

/*
 * set_trap_table(traps): install entries until one with address 0; NULL
 * clears the whole table. Earlier entries stay installed on error.
 *   -EFAULT  an entry is unreadable
 *   -EINVAL  a handler address is not canonical
 */
long hc_set_trap_table(struct vcpu *v, uint64_t traps, uint64_t a2,
                       uint64_t a3, uint64_t a4, uint64_t a5)
{
    if (!traps) {
        memset(v->trap_ctxt, 0, sizeof(v->trap_ctxt));
        return 0;
    }
    for (uint64_t i = 0;; i++) {
        struct trap_info ti;

        if (i && i % HYPERCALL_BUDGET == 0 && hypercall_may_preempt(v))
            return hypercall_continue(__HYPERVISOR_set_trap_table,
                                      traps + i * sizeof(ti), 0, 0, 0, 0);
        if (copy_from_guest_idx(&ti, traps, i, sizeof(ti)))
            return gerr(v, -EFAULT, "set_trap_table: entry %lu unreadable",
                        i);
        if (!ti.address)
            return 0;
        if (!is_canonical(ti.address))
            return gerr(v, -EINVAL,
                        "set_trap_table: vector %u handler %#lx not canonical",
                        ti.vector, ti.address);
        ti.cs |= 3;
        v->trap_ctxt[ti.vector] = ti;
    }
}

/* stack_switch(ss, sp): the kernel stack for bounces from user mode. */
long hc_stack_switch(struct vcpu *v, uint64_t ss, uint64_t sp, uint64_t a3,
                     uint64_t a4, uint64_t a5)
{
    v->kernel_ss = (ss & 0xFFFF) | 3;
    v->kernel_sp = sp;
    return 0;
}

/*
 * One callback of set_callbacks: a non-canonical address is ignored and
 * the old callback kept, as Xen 4.17 does, since an upcall to it could
 * only end the domain.
 */
static void set_callback(struct vcpu *v, int kind, uint64_t address,
                         bool mask_events)
{
    if (!is_canonical(address)) {
        gdebug(v, "set_callbacks: %#lx not canonical, ignored", address);
        return;
    }
    v->callbacks[kind] = (struct callback){ address, mask_events };
}

/*
 * set_callbacks(event, failsafe, syscall): the legacy form; always 0,
 * even when an address is ignored (Xen never reported those).
 */
long hc_set_callbacks(struct vcpu *v, uint64_t event, uint64_t failsafe,
                      uint64_t syscall, uint64_t a4, uint64_t a5)
{
    set_callback(v, CB_EVENT, event, true);
    set_callback(v, CB_FAILSAFE, failsafe, false);
    set_callback(v, CB_SYSCALL, syscall, false);
    return 0;
}

static int callback_kind(unsigned int type)
{
    switch (type) {
    case CALLBACKTYPE_event: return CB_EVENT;
    case CALLBACKTYPE_failsafe: return CB_FAILSAFE;
    case CALLBACKTYPE_syscall: return CB_SYSCALL;
    case CALLBACKTYPE_syscall32: return CB_SYSCALL32;
    case CALLBACKTYPE_sysenter: return CB_SYSENTER;
    case CALLBACKTYPE_nmi: return CB_NMI;
    default: return -1;
    }
}

/*
 * callback_op(cmd, arg):
 *   CALLBACKOP_register   {type, flags, address}; event and NMI callbacks
 *                         always mask events
 *   CALLBACKOP_unregister {type}; only the NMI callback can be removed
 *   -EFAULT arg unreadable; -EINVAL non-canonical address (checked
 *   before the type) or a callback that cannot be unregistered; -ENOSYS
 *   unknown cmd or type
 */
long hc_callback_op(struct vcpu *v, uint64_t cmd, uint64_t arg, uint64_t a3,
                    uint64_t a4, uint64_t a5)
{
    int kind;

    if (cmd == CALLBACKOP_register) {
        struct callback_register reg;

        if (copy_from_guest(&reg, arg, sizeof(reg)))
            return gerr(v, -EFAULT, "callback_op: %#lx unreadable", arg);
        /* The address before the type, as on Xen 4.17. */
        if (!is_canonical(reg.address))
            return gerr(v, -EINVAL, "callback_op: address %#lx not canonical",
                        reg.address);
        kind = callback_kind(reg.type);
        if (kind < 0)
            return gerr(v, -ENOSYS, "callback_op: unknown type %u",
                        reg.type);
        v->callbacks[kind].address = reg.address;
        v->callbacks[kind].mask_events = kind == CB_EVENT || kind == CB_NMI ||
                                         (reg.flags & CALLBACKF_mask_events);
        return 0;
    }
    if (cmd == CALLBACKOP_unregister) {
        struct callback_unregister unreg;

        if (copy_from_guest(&unreg, arg, sizeof(unreg)))
            return gerr(v, -EFAULT, "callback_op: %#lx unreadable", arg);
        kind = callback_kind(unreg.type);
        if (kind < 0)
            return gerr(v, -ENOSYS, "callback_op: unknown type %u",
                        unreg.type);
        if (kind != CB_NMI)
            return gerr(v, -EINVAL, "callback_op: type %u cannot be removed",
                        unreg.type);
        v->callbacks[kind].address = 0;
        return 0;
    }
    return gerr(v, -ENOSYS, "callback_op: unknown cmd %lu", cmd);
}
