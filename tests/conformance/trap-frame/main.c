/* SPDX-License-Identifier: MIT */
/*
 * Pins the bounce frame of an exception raised in guest kernel mode:
 * from the interrupted rsp rounded down to 16 bytes, downwards SS, RSP,
 * RFLAGS, CS, RIP, [error code], R11, RCX; the handler starts with rsp at
 * the RCX slot. RCX/R11 hold the interrupted values; CS shows RPL 0
 * (0xE030) for kernel context with the saved upcall mask (1 at boot) in
 * bits 32-39; RFLAGS has IF = !mask; SS is 0xE02B; RIP is the faulting
 * instruction. Checked for #UD (no error code) and #GP (error code 0).
 */
#include "abi/pv64.h"
#include "gk/bad.h"
#include "gk/test.h"
#include "gk/traps.h"
#include "gk/x86.h"

GK_TEST_INFO("trap-frame", "layout of the exception bounce frame");

static uint64_t rip_slot;

static bool note_slot(struct gk_trap_frame *f)
{
    rip_slot = (uint64_t)&f->rip;
    return false;    /* let the exception table resume */
}

static void check_frame(const char *what, unsigned int vec, uint64_t rip,
                        uint64_t sp)
{
    const struct gk_trap_frame *f = &gk_last_trap;

    gk_printf("%s: rip %#lx cs %#lx rflags %#lx rsp %#lx ss %#lx ec %#lx "
              "rcx %#lx r11 %#lx slot %#lx\n", what, f->rip, f->cs,
              f->rflags, f->rsp, f->ss, f->error_code, f->rcx, f->r11,
              rip_slot);
    check_eq(f->vector, vec, what);
    check_eq(f->rip, rip, "RIP");
    check_eq(f->cs & 0xFFFF, FLAT_KERNEL_CS & ~3, "CS (kernel context)");
    check_eq((f->cs >> 32) & 0xFF, 1, "saved upcall mask in CS");
    check_eq(f->rflags & X86_EFLAGS_IF, 0, "RFLAGS.IF with events masked");
    check_eq(f->rflags & X86_EFLAGS_MBS, X86_EFLAGS_MBS, "RFLAGS bit 1");
    check_eq(f->rsp, sp, "RSP");
    check_eq(f->ss, FLAT_KERNEL_SS, "SS");
    check_eq(f->rcx, 0x1111111111111111UL, "RCX slot");
    check_eq(f->r11, 0x2222222222222222UL, "R11 slot");
    /* RIP sits 5 slots below the rounded interrupted rsp. */
    check_eq(rip_slot, (sp & ~15UL) - 40, "address of the RIP slot");
}

/*
 * Raise the exception of `insn` (at label 1, resumed at label 2) with rsp
 * lowered by pad bytes and known values in rcx and r11.
 */
#define RAISE(insn, pad, rip, sp)                                           \
    __asm__ volatile("sub %[p], %%rsp\n\t"                                   \
                     "lea 1f(%%rip), %[r]\n\t"                               \
                     "mov %%rsp, %[s]\n\t"                                   \
                     "mov $0x1111111111111111, %%rcx\n\t"                    \
                     "mov $0x2222222222222222, %%r11\n\t"                    \
                     "1: " insn "\n\t"                                       \
                     "2: add %[p], %%rsp" GK_EXTABLE(1b, 2b)                 \
                     : [r] "=&r"(rip), [s] "=&r"(sp)                         \
                     : [p] "r"((uint64_t)(pad)), [bad] "r"(GK_BAD_NONCANONICAL) \
                     : "rax", "rcx", "r11", "memory")

int main(void)
{
    uint64_t rip, sp;

    gk_trap_set_hook(X86_EXC_UD, note_slot);
    gk_trap_set_hook(X86_EXC_GP, note_slot);

    /* Both stack alignments: rsp = 0 and 8 mod 16 at the fault. */
    for (uint64_t pad = 0; pad <= 8; pad += 8) {
        RAISE("ud2", pad, rip, sp);
        check_frame("#UD", X86_EXC_UD, rip, sp);
        check_eq(gk_last_trap.error_code, 0, "#UD error code");

        RAISE("mov (%[bad]), %%rax", pad, rip, sp);
        check_frame("#GP", X86_EXC_GP, rip, sp);
        check_eq(gk_last_trap.error_code, 0, "#GP error code");
    }
    return 0;
}
