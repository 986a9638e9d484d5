/* SPDX-License-Identifier: MIT */
/*
 * Pins #GP for guest kernel mode: a non-canonical data access, `hlt`,
 * `cli` (IOPL 0) and `lgdt` are bounced as #GP with error code 0 and RIP at
 * the instruction (not emulated); `int $0x80` with no handler is #GP with
 * error code 0x402 (vector 0x80 << 3 | IDT) at the instruction.
 */
#include "gk/bad.h"
#include "gk/test.h"
#include "gk/traps.h"
#include "gk/x86.h"

GK_TEST_INFO("trap-gp", "#GP from guest kernel mode");

#define EXPECT_GP(insn, what, ...)                                          \
    do {                                                                    \
        uint64_t rip_;                                                      \
        unsigned int before_ = gk_nr_traps;                                 \
                                                                            \
        __asm__ volatile("lea 1f(%%rip), %0\n\t1: " insn "\n\t2:"          \
                         GK_EXTABLE(1b, 2b) : "=&r"(rip_) __VA_ARGS__);     \
        check_eq(gk_nr_traps, before_ + 1, what ": exceptions");            \
        check_eq(gk_last_trap.vector, X86_EXC_GP, what ": vector");         \
        check_eq(gk_last_trap.rip, rip_, what ": RIP");                     \
    } while (0)

int main(void)
{
    static uint8_t gdtr[10];

    EXPECT_GP("mov (%1), %%rax", "non-canonical read",
              : "r"(GK_BAD_NONCANONICAL) : "rax");
    check_eq(gk_last_trap.error_code, 0, "non-canonical read: error code");
    EXPECT_GP("movq $1, (%1)", "non-canonical write",
              : "r"(GK_BAD_NONCANONICAL) : "memory");
    check_eq(gk_last_trap.error_code, 0, "non-canonical write: error code");
    EXPECT_GP("hlt", "hlt");
    check_eq(gk_last_trap.error_code, 0, "hlt: error code");
    EXPECT_GP("cli", "cli");
    check_eq(gk_last_trap.error_code, 0, "cli: error code");
    EXPECT_GP("lgdt (%1)", "lgdt", : "r"(gdtr));
    check_eq(gk_last_trap.error_code, 0, "lgdt: error code");
    EXPECT_GP("int $0x80", "int $0x80 without a handler");
    check_eq(gk_last_trap.error_code, (0x80 << 3) | 2,
             "int $0x80: error code");
    gk_printf("int $0x80: error code %#lx\n", gk_last_trap.error_code);
    return 0;
}
