/* SPDX-License-Identifier: MIT */
/*
 * Guest user mode: the kernel stack, callbacks and trap routing that bring
 * user-mode exits back to gk_user_run, and user page tables.
 */
#include "gk/user.h"

#include <stddef.h>
#include <string.h>

#include "abi/callback.h"
#include "abi/memory.h"
#include "abi/mmu.h"
#include "abi/pv64.h"
#include "abi/trap.h"
#include "gk/boot.h"
#include "gk/events.h"
#include "gk/hypercall.h"
#include "gk/mm.h"
#include "gk/test.h"
#include "gk/x86.h"

_Static_assert(offsetof(struct gk_user, regs.rip) == GK_USER_REGS_RIP,
               "GK_USER_REGS_RIP");
_Static_assert(offsetof(struct gk_user, regs.ss) == GK_USER_REGS_RIP + 32,
               "rip, cs, rflags, rsp, ss follow each other");
_Static_assert(offsetof(struct gk_user, iret_flags) == GK_USER_IRET_FLAGS,
               "GK_USER_IRET_FLAGS");

/* In arch/x86/user-entry.S. */
unsigned int gk_user_enter(struct gk_user *u);
unsigned int gk_user_record(struct gk_trap_frame *f);
extern char gk_user_stubs[], gk_user_syscall_entry[],
    gk_user_syscall32_entry[], gk_user_thunk[], gk_user_thunk_done[];
#define GK_USER_STUB_SIZE 32

/* Bounces from user mode land here; nothing else uses it. */
static uint8_t bounce_stack[4 * PAGE_SIZE] __attribute__((aligned(16)));

/* The context inside gk_user_run, NULL outside. */
static struct gk_user *current;

uint64_t gk_user_kernel_sp(void)
{
    return (uint64_t)bounce_stack + sizeof(bounce_stack);
}

static uint64_t stub(unsigned int vec)
{
    return (uint64_t)gk_user_stubs + (vec & 0xFF) * GK_USER_STUB_SIZE;
}

long gk_user_init(void)
{
    struct trap_info table[X86_NR_EXCEPTIONS + 1] = { { 0 } };
    long rc;

    rc = HYPERVISOR_stack_switch(FLAT_KERNEL_SS, gk_user_kernel_sp());
    if (rc)
        return rc;
    rc = gk_events_init();
    if (rc)
        return rc;
    /* The same DPLs as gk_traps_init: int3 and into usable from user. */
    for (unsigned int v = 0; v < X86_NR_EXCEPTIONS; v++) {
        table[v].vector = (uint8_t)v;
        table[v].flags = (v == X86_EXC_BP || v == X86_EXC_OF) ? 3 : 0;
        table[v].cs = FLAT_KERNEL_CS;
        table[v].address = stub(v);
    }
    rc = HYPERVISOR_set_trap_table(table);
    if (rc)
        return rc;
    return gk_user_set_table(gk_mm_l4_mfn());
}

static long set_callback(unsigned int type, const char *entry,
                         unsigned int flags)
{
    struct callback_register cb = {
        .type = (uint16_t)type,
        .flags = (uint16_t)flags,
        .address = (uint64_t)entry,
    };

    return HYPERVISOR_callback_op(CALLBACKOP_register, &cb);
}

long gk_user_set_syscall(unsigned int flags)
{
    return set_callback(CALLBACKTYPE_syscall, gk_user_syscall_entry, flags);
}

long gk_user_set_syscall32(unsigned int flags)
{
    return set_callback(CALLBACKTYPE_syscall32, gk_user_syscall32_entry,
                        flags);
}

long gk_user_set_vector(unsigned int vec, unsigned int flags)
{
    struct trap_info table[2] = {
        {
            .vector = (uint8_t)vec,
            .flags = (uint8_t)flags,
            .cs = FLAT_KERNEL_CS,
            .address = stub(vec),
        },
    };

    return HYPERVISOR_set_trap_table(table);
}

long gk_user_set_table(uint64_t l4_mfn)
{
    return gk_mmuext1(MMUEXT_NEW_USER_BASEPTR, l4_mfn, 0);
}

/* Write n entries of a table through one mmu_update; ERROR on failure. */
static void write_entries(struct mmu_update *req, unsigned int n)
{
    unsigned int done = 0;
    long rc;

    if (!n)
        return;
    rc = HYPERVISOR_mmu_update(req, n, &done, DOMID_SELF);
    if (rc)
        test_error("user L4: mmu_update of %u entries: %ld (%u done)", n, rc,
                   done);
}

uint64_t gk_user_clone_l4(const uint64_t omit[8])
{
    const uint64_t *boot = (const uint64_t *)gk_start_info->pt_base;
    const unsigned int hv_first = (HYPERVISOR_VIRT_START >> 39) & 511;
    const unsigned int hv_end = (HYPERVISOR_VIRT_END >> 39) & 511;
    struct mmu_update req[32];
    uint64_t mfn = gk_mm_alloc();
    unsigned int n = 0;
    long rc;

    /* The frame is untyped: plain writes until the pin validates it. */
    for (unsigned int i = 0; i < 512; i++) {
        if ((i >= hv_first && i < hv_end) || !boot[i])
            continue;
        if (omit && (omit[i / 64] >> (i % 64)) & 1)
            continue;
        req[n].ptr = ((mfn << PAGE_SHIFT) + i * 8UL) | MMU_NORMAL_PT_UPDATE;
        req[n].val = boot[i];
        if (++n == sizeof(req) / sizeof(req[0])) {
            write_entries(req, n);
            n = 0;
        }
    }
    write_entries(req, n);
    rc = gk_mm_pin(4, mfn);
    if (rc)
        test_error("user L4: pinning mfn %#lx: %ld", mfn, rc);
    return mfn;
}

unsigned int gk_user_run(struct gk_user *u)
{
    unsigned int mask = gk_vcpu_info->evtchn_upcall_mask;
    unsigned int reason;

    u->regs.cs = u->regs.cs ? u->regs.cs & 0xFFFF : FLAT_USER_CS;
    u->regs.ss = u->regs.ss ? u->regs.ss & 0xFFFF : FLAT_USER_SS;
    current = u;
    reason = gk_user_enter(u);
    current = NULL;
    gk_local_irq_restore(mask);
    return reason;
}

/*
 * Called by gk_user_exit on the bounce stack with the frame of an exit
 * from user mode; returns the reason for gk_user_enter to return.
 */
unsigned int gk_user_record(struct gk_trap_frame *f)
{
    uint8_t mask = gk_vcpu_info->evtchn_upcall_mask;
    struct gk_user *u = current;
    unsigned int slots;

    if (!u)
        test_error("user-mode exit (vector %#lx at %#lx) outside "
                   "gk_user_run", f->vector, f->rip);
    /* RCX, R11 and the error code (if any) were below RIP. */
    slots = f->vector < X86_NR_EXCEPTIONS &&
            ((X86_EXC_HAVE_EC >> f->vector) & 1) ? 3 : 2;
    u->regs = *f;
    u->frame_va = (uint64_t)&f->rip - slots * 8;
    u->mask_at_exit = mask;
    u->cr2 = gk_shared_info ? gk_shared_info->vcpu_info[0].arch.cr2 : 0;
    return (unsigned int)f->vector;
}

void gk_user_prepare_call(struct gk_user *u, uint64_t (*fn)(uint64_t),
                          uint64_t arg, void *stack, uint64_t size)
{
    memset(u, 0, sizeof(*u));
    u->regs.rip = (uint64_t)gk_user_thunk;
    u->regs.rsp = ((uint64_t)stack + size) & ~15UL;
    u->regs.rflags = X86_EFLAGS_MBS | X86_EFLAGS_IF;
    u->regs.rdi = arg;
    u->regs.rsi = (uint64_t)fn;
}

bool gk_user_returned(const struct gk_user *u)
{
    return u->regs.vector == GK_USER_SYSCALL &&
           u->regs.rip == (uint64_t)gk_user_thunk_done;
}
