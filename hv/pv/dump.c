/* SPDX-License-Identifier: MIT */
/* Readable register dumps: what a person debugging a crash needs first. */
#include "pv/dump.h"
#include "arch/x86/cpu.h"
#include "console/console.h"
#include "domain/domain.h"
#include "hypercall/guest-copy.h"

#include <format.h>

void dump_regs(const char *who, const struct hv_regs *r)
{
    hv_log(LOG_ERR, "%s: vector %lu error %#lx", who, r->vector,
           r->error_code);
    hv_log(LOG_ERR, "  rip %04lx:%016lx rflags %016lx", r->cs, r->rip,
           r->rflags);
    hv_log(LOG_ERR, "  rsp %04lx:%016lx cr2 %016lx cr3 %016lx", r->ss,
           r->rsp, read_cr2(), read_cr3());
    hv_log(LOG_ERR, "  rax %016lx rbx %016lx rcx %016lx", r->rax, r->rbx,
           r->rcx);
    hv_log(LOG_ERR, "  rdx %016lx rsi %016lx rdi %016lx", r->rdx, r->rsi,
           r->rdi);
    hv_log(LOG_ERR, "  rbp %016lx r8  %016lx r9  %016lx", r->rbp, r->r8,
           r->r9);
    hv_log(LOG_ERR, "  r10 %016lx r11 %016lx r12 %016lx", r->r10, r->r11,
           r->r12);
    hv_log(LOG_ERR, "  r13 %016lx r14 %016lx r15 %016lx", r->r13, r->r14,
           r->r15);
}

void dump_guest_regs(const struct vcpu *v, const struct hv_regs *r)
{
    char who[32];
    uint64_t stack[4] = { 0 };

    snformat(who, sizeof(who), "d%uv%u %s mode", v->domain->domain_id,
             v->vcpu_id, v->in_kernel ? "kernel" : "user");
    dump_regs(who, r);
    if (!copy_from_guest(stack, r->rsp, sizeof(stack)))
        hv_log(LOG_ERR, "  stack: %016lx %016lx %016lx %016lx", stack[0],
               stack[1], stack[2], stack[3]);
}
