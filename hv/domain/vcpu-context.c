/* SPDX-License-Identifier: MIT */
/*
 * vcpu_guest_context <-> struct vcpu. Everything is checked before
 * anything changes, except the steps that take references (GDT, page
 * tables), which are undone on failure.
 */
#include "domain/vcpu-context.h"
#include "arch/x86/page.h"
#include "console/console.h"
#include "domain/domain.h"
#include "mm/mm-env.h"
#include "pv/gdt.h"
#include "pv/ldt.h"
#include "sched/sched.h"

#include <abi/callback.h>
#include <hv/errno.h>
#include <string.h>

static void regs_from_user(struct hv_regs *r, const struct cpu_user_regs *u)
{
    memset(r, 0, sizeof(*r));
    r->r15 = u->r15; r->r14 = u->r14; r->r13 = u->r13; r->r12 = u->r12;
    r->rbp = u->rbp; r->rbx = u->rbx; r->r11 = u->r11; r->r10 = u->r10;
    r->r9 = u->r9; r->r8 = u->r8; r->rax = u->rax; r->rcx = u->rcx;
    r->rdx = u->rdx; r->rsi = u->rsi; r->rdi = u->rdi;
    r->rip = u->rip;
    r->cs = u->cs | 3;
    r->ss = u->ss | 3;
    r->rflags = u->rflags;
    r->rsp = u->rsp;
}

static void regs_to_user(struct cpu_user_regs *u, const struct hv_regs *r)
{
    memset(u, 0, sizeof(*u));
    u->r15 = r->r15; u->r14 = r->r14; u->r13 = r->r13; u->r12 = r->r12;
    u->rbp = r->rbp; u->rbx = r->rbx; u->r11 = r->r11; u->r10 = r->r10;
    u->r9 = r->r9; u->r8 = r->r8; u->rax = r->rax; u->rcx = r->rcx;
    u->rdx = r->rdx; u->rsi = r->rsi; u->rdi = r->rdi;
    u->rip = r->rip;
    u->cs = (uint16_t)r->cs;
    u->ss = (uint16_t)r->ss;
    u->rflags = r->rflags;
    u->rsp = r->rsp;
}

/* Everything that can be refused without side effects. */
static int check_context(struct vcpu *caller,
                         const struct vcpu_guest_context *c)
{
    static const char *const names[] = { "rip", "event callback",
                                         "failsafe callback",
                                         "syscall callback", "fs base",
                                         "kernel gs base", "user gs base" };
    const uint64_t addrs[] = { c->user_regs.rip, c->event_callback_eip,
                               c->failsafe_callback_eip,
                               c->syscall_callback_eip, c->fs_base,
                               c->gs_base_kernel, c->gs_base_user };

    for (unsigned int i = 0; i < 7; i++)
        if (!is_canonical(addrs[i]))
            return gerr(caller, -EINVAL, "setvcpucontext: %s %#lx not "
                        "canonical", names[i], addrs[i]);
    for (unsigned int i = 0; i < 256; i++)
        if (!is_canonical(c->trap_ctxt[i].address))
            return gerr(caller, -EINVAL, "setvcpucontext: trap %u handler "
                        "not canonical", i);
    if (!(c->flags & VGCF_in_kernel))
        return gerr(caller, -EINVAL, "setvcpucontext: must start in kernel "
                    "mode");
    if (c->gdt_ents > MAX_GDT_ENTS)
        return gerr(caller, -EINVAL, "setvcpucontext: %lu GDT entries",
                    c->gdt_ents);
    if (c->ldt_ents)
        return gerr(caller, -EINVAL, "setvcpucontext: an initial LDT is not "
                    "supported; set it with MMUEXT_SET_LDT");
    for (unsigned int i = 0; i < 8; i++)
        if (c->debugreg[i] && i != 6 && i != 7)
            return gerr(caller, -EINVAL, "setvcpucontext: debug registers "
                        "are not supported");
    return 0;
}

/* Take an L4 reference for a base pointer (cr3-style value, 0 = none). */
static int take_table(struct vcpu *caller, struct domain *d, uint64_t cr3,
                      mfn_t *out)
{
    struct pt_dom dom = mm_dom(d);
    const char *why = "";
    int rc;

    *out = INVALID_MFN;
    if (!cr3)
        return 0;
    mm_lock();
    rc = pt_get_page_and_type(mm_env(), &dom, xen_cr3_to_pfn(cr3), PGT_l4,
                              &why);
    mm_unlock();
    if (rc)
        return gerr(caller, rc, "setvcpucontext: frame %#lx as L4: %s",
                    xen_cr3_to_pfn(cr3), why);
    *out = xen_cr3_to_pfn(cr3);
    return 0;
}

static void put_table(mfn_t *slot)
{
    if (*slot == INVALID_MFN)
        return;
    mm_lock();
    pt_put_page_and_type(mm_env(), *slot);
    mm_unlock();
    *slot = INVALID_MFN;
}

void vcpu_release_tables(struct vcpu *v)
{
    put_table(&v->guest_table);
    put_table(&v->guest_table_user);
    pv_install_gdt(v, NULL, 0);
    pv_release_ldt(v);
}

int vcpu_set_context(struct vcpu *caller, struct vcpu *v,
                     const struct vcpu_guest_context *c)
{
    struct domain *d = v->domain;
    mfn_t gdt[MAX_GDT_FRAMES], kernel, user;
    int rc = check_context(caller, c);

    if (rc)
        return rc;
    if (!c->ctrlreg[3])
        return gerr(caller, -EINVAL, "setvcpucontext: no cr3");
    rc = take_table(caller, d, c->ctrlreg[3], &kernel);
    if (rc)
        return rc;
    rc = take_table(caller, d, c->ctrlreg[1], &user);
    if (rc) {
        put_table(&kernel);
        return rc;
    }
    for (unsigned int i = 0; i < MAX_GDT_FRAMES; i++)
        gdt[i] = c->gdt_frames[i];
    rc = pv_install_gdt(v, gdt, (unsigned int)c->gdt_ents);
    if (rc) {
        put_table(&kernel);
        put_table(&user);
        return rc;
    }

    put_table(&v->guest_table);
    put_table(&v->guest_table_user);
    v->guest_table = kernel;
    v->guest_table_user = user;
    regs_from_user(&v->regs, &c->user_regs);
    v->in_kernel = true;
    memcpy(v->trap_ctxt, c->trap_ctxt, sizeof(v->trap_ctxt));
    for (unsigned int i = 0; i < 256; i++)
        v->trap_ctxt[i].cs |= 3;
    v->kernel_ss = c->kernel_ss | 3;
    v->kernel_sp = c->kernel_sp;
    v->callbacks[CB_EVENT] = (struct callback){ c->event_callback_eip, true };
    v->callbacks[CB_FAILSAFE] = (struct callback){
        c->failsafe_callback_eip,
        !!(c->flags & VGCF_failsafe_disables_events) };
    v->callbacks[CB_SYSCALL] = (struct callback){
        c->syscall_callback_eip,
        !!(c->flags & VGCF_syscall_disables_events) };
    v->fs_base = c->fs_base;
    v->gs_base_kernel = c->gs_base_kernel;
    v->gs_base_user = c->gs_base_user;
    d->vm_assist = c->vm_assist;
    if (c->flags & VGCF_i387_valid) {
        memcpy(v->fpu_area, c->fpu_ctxt.x, sizeof(v->fpu_area));
        v->fpu_saved = true;
    }
    v->has_context = true;
    if (c->flags & VGCF_online)
        vcpu_online(v);
    return 0;
}

void vcpu_get_context(const struct vcpu *v, struct vcpu_guest_context *c)
{
    memset(c, 0, sizeof(*c));
    if (v->fpu_saved) {
        memcpy(c->fpu_ctxt.x, v->fpu_area, sizeof(c->fpu_ctxt.x));
        c->flags |= VGCF_i387_valid;
    }
    c->flags |= (v->in_kernel ? VGCF_in_kernel : 0) |
                (v->state != VCPU_OFFLINE ? VGCF_online : 0) |
                (v->callbacks[CB_FAILSAFE].mask_events
                     ? VGCF_failsafe_disables_events : 0) |
                (v->callbacks[CB_SYSCALL].mask_events
                     ? VGCF_syscall_disables_events : 0);
    regs_to_user(&c->user_regs, &v->regs);
    memcpy(c->trap_ctxt, v->trap_ctxt, sizeof(c->trap_ctxt));
    for (unsigned int i = 0; i < MAX_GDT_FRAMES; i++)
        c->gdt_frames[i] = i * 512 < v->gdt_ents ? v->gdt_frames[i] : 0;
    c->gdt_ents = v->gdt_ents;
    c->kernel_ss = v->kernel_ss;
    c->kernel_sp = v->kernel_sp;
    if (v->guest_table != INVALID_MFN)
        c->ctrlreg[3] = xen_pfn_to_cr3(v->guest_table);
    if (v->guest_table_user != INVALID_MFN)
        c->ctrlreg[1] = xen_pfn_to_cr3(v->guest_table_user);
    c->event_callback_eip = v->callbacks[CB_EVENT].address;
    c->failsafe_callback_eip = v->callbacks[CB_FAILSAFE].address;
    c->syscall_callback_eip = v->callbacks[CB_SYSCALL].address;
    c->vm_assist = v->domain->vm_assist;
    c->fs_base = v->fs_base;
    c->gs_base_kernel = v->gs_base_kernel;
    c->gs_base_user = v->gs_base_user;
}
