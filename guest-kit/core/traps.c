/* SPDX-License-Identifier: MIT */
/* The trap table, exception dispatch and the report of unhandled ones. */
#include "gk/traps.h"

#include <stddef.h>

#include "abi/pv64.h"
#include "abi/trap.h"
#include "gk/boot.h"
#include "gk/console.h"
#include "gk/hypercall.h"
#include "gk/test.h"
#include "gk/x86.h"

struct gk_trap_frame gk_last_trap;
volatile unsigned int gk_nr_traps;

static gk_trap_hook_t hooks[256];
static enum gk_trap_return return_mode = GK_RETURN_IRET_HYPERCALL;

void gk_trap_set_return(enum gk_trap_return how)
{
    return_mode = how;
}

void gk_trap_set_hook(unsigned int vec, gk_trap_hook_t hook)
{
    hooks[vec & 0xFF] = hook;
}

bool gk_trap_hook_resume(struct gk_trap_frame *frame)
{
    (void)frame;
    return true;
}

uint64_t gk_trap_stub(unsigned int vec)
{
    return (uint64_t)(gk_trap_stubs + (vec & 0xFF) * GK_TRAP_STUB_SIZE);
}

long gk_traps_init(void)
{
    /* One entry per exception plus the terminator (address 0). */
    struct trap_info table[X86_NR_EXCEPTIONS + 1] = { { 0 } };

    for (unsigned int v = 0; v < X86_NR_EXCEPTIONS; v++) {
        table[v].vector = (uint8_t)v;
        /* int3 and into are meant to be usable from user mode. */
        table[v].flags = (v == X86_EXC_BP || v == X86_EXC_OF) ? 3 : 0;
        table[v].cs = FLAT_KERNEL_CS;
        table[v].address = gk_trap_stub(v);
    }
    return HYPERVISOR_set_trap_table(table);
}

long gk_trap_set_vector(unsigned int vec, unsigned int flags)
{
    struct trap_info table[2] = {
        {
            .vector = (uint8_t)vec,
            .flags = (uint8_t)flags,
            .cs = FLAT_KERNEL_CS,
            .address = gk_trap_stub(vec),
        },
    };

    return HYPERVISOR_set_trap_table(table);
}

const char *gk_vector_name(unsigned int vec)
{
    static const char *const names[X86_NR_EXCEPTIONS] = {
        "#DE", "#DB", "NMI", "#BP", "#OF", "#BR", "#UD", "#NM",
        "#DF", "#CSO", "#TS", "#NP", "#SS", "#GP", "#PF", "#15",
        "#MF", "#AC", "#MC", "#XM", "#VE", "#CP", "#22", "#23",
        "#24", "#25", "#26", "#27", "#HV", "#VC", "#SX", "#31",
    };

    return vec < X86_NR_EXCEPTIONS ? names[vec] : "int";
}

void gk_trap_dump(const struct gk_trap_frame *f)
{
    gk_printf("%s (vector %lu) error code %#lx\n",
              gk_vector_name((unsigned int)f->vector), f->vector,
              f->error_code);
    gk_printf("rip %016lx cs %04lx (mask %lu) rflags %08lx\n", f->rip,
              f->cs & 0xFFFF, (f->cs >> 32) & 0xFF, f->rflags);
    gk_printf("rsp %016lx ss %04lx\n", f->rsp, f->ss);
    gk_printf("rax %016lx rbx %016lx rcx %016lx\n", f->rax, f->rbx, f->rcx);
    gk_printf("rdx %016lx rsi %016lx rdi %016lx\n", f->rdx, f->rsi, f->rdi);
    gk_printf("rbp %016lx r8  %016lx r9  %016lx\n", f->rbp, f->r8, f->r9);
    gk_printf("r10 %016lx r11 %016lx r12 %016lx\n", f->r10, f->r11, f->r12);
    gk_printf("r13 %016lx r14 %016lx r15 %016lx\n", f->r13, f->r14, f->r15);
    if (f->vector == X86_EXC_PF && gk_shared_info)
        gk_printf("cr2 %016lx\n", gk_shared_info->vcpu_info[0].arch.cr2);
}

/* Called by entry.S; returns the enum gk_trap_return to use. */
int gk_trap_dispatch(struct gk_trap_frame *f);

int gk_trap_dispatch(struct gk_trap_frame *f)
{
    gk_trap_hook_t hook = hooks[f->vector & 0xFF];
    uint64_t fixup;

    gk_last_trap = *f;
    gk_nr_traps++;

    if (hook && hook(f))
        return return_mode;
    fixup = gk_extable_find(f->rip);
    if (fixup) {
        f->rip = fixup;
        return return_mode;
    }

    gk_printf("guest-kit: unhandled exception\n");
    gk_trap_dump(f);
    test_error("unhandled %s (vector %lu) at %#lx, error code %#lx",
               gk_vector_name((unsigned int)f->vector), f->vector, f->rip,
               f->error_code);
}
