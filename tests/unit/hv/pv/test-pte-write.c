/* SPDX-License-Identifier: MIT */
/*
 * Tests of hv/pv/pte-write.c: each instruction form a kernel uses to write
 * a page-table entry, replayed on an entry and a register copy, checked
 * against what the CPU would have left.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "hv/pv/pte-write.h"

#define ADDR 0xFFFF888004CE94F8UL
#define OLD  0x8000000012345067UL
#define FL_CF 0x001UL
#define FL_ZF 0x040UL

static struct hv_regs regs(void)
{
    struct hv_regs r;

    memset(&r, 0, sizeof(r));
    r.rip = 0x1000;
    r.rflags = 0x202;
    return r;
}

#define EMULATE(bytes, addr, old, r, entry, write)                          \
    pte_write_emulate((const uint8_t[])bytes, sizeof((uint8_t[])bytes),    \
                      addr, old, r, entry, write)
#define B(...) { __VA_ARGS__ }

static void test_mov_reg64(void **state)
{
    struct hv_regs r = regs();
    uint64_t e;
    bool w;

    /* mov %rbp,(%rbx): what Linux's set_pte does. */
    r.rbp = 0x8000000000001063UL;
    assert_int_equal(EMULATE(B(0x48, 0x89, 0x2b), ADDR, OLD, &r, &e, &w), 0);
    assert_true(w);
    assert_int_equal(e, 0x8000000000001063UL);
    assert_int_equal(r.rip, 0x1003);
}

static void test_mov_disp_and_sib(void **state)
{
    struct hv_regs r = regs();
    uint64_t e;
    bool w;

    /* mov %r9,0x10(%rax,%rcx,8) */
    r.r9 = 0x5063;
    assert_int_equal(EMULATE(B(0x4c, 0x89, 0x4c, 0xc8, 0x10), ADDR, OLD, &r,
                             &e, &w), 0);
    assert_int_equal(e, 0x5063);
    assert_int_equal(r.rip, 0x1005);
}

static void test_mov_imm(void **state)
{
    struct hv_regs r = regs();
    uint64_t e;
    bool w;

    /* movq $0,(%rdi): pte_clear */
    assert_int_equal(EMULATE(B(0x48, 0xc7, 0x07, 0, 0, 0, 0), ADDR, OLD, &r,
                             &e, &w), 0);
    assert_int_equal(e, 0);
    assert_int_equal(r.rip, 0x1007);
}

static void test_mov32_halves(void **state)
{
    struct hv_regs r = regs();
    uint64_t e;
    bool w;

    /* movl %eax,(%rdx) on the low half keeps the high half... */
    r.rax = 0xFFFFFFFF00000021UL;
    assert_int_equal(EMULATE(B(0x89, 0x02), ADDR, OLD, &r, &e, &w), 0);
    assert_int_equal(e, 0x8000000000000021UL);
    /* ...and on the high half the low one. */
    r = regs();
    r.rax = 1;
    assert_int_equal(EMULATE(B(0x89, 0x02), ADDR + 4, OLD, &r, &e, &w), 0);
    assert_int_equal(e, 0x0000000112345067UL);
    assert_int_equal(r.rip, 0x1002);
}

static void test_xchg(void **state)
{
    struct hv_regs r = regs();
    uint64_t e;
    bool w;

    /* xchg %rax,(%rdi): ptep_get_and_clear */
    assert_int_equal(EMULATE(B(0x48, 0x87, 0x07), ADDR, OLD, &r, &e, &w), 0);
    assert_int_equal(e, 0);
    assert_int_equal(r.rax, OLD);
}

static void test_cmpxchg(void **state)
{
    struct hv_regs r = regs();
    uint64_t e;
    bool w;

    /* lock cmpxchg %rcx,(%rdx): equal stores and sets ZF. */
    r.rax = OLD;
    r.rcx = 0x7063;
    assert_int_equal(EMULATE(B(0xf0, 0x48, 0x0f, 0xb1, 0x0a), ADDR, OLD, &r,
                             &e, &w), 0);
    assert_true(w);
    assert_int_equal(e, 0x7063);
    assert_true(r.rflags & FL_ZF);
    assert_int_equal(r.rip, 0x1005);

    /* Different: no store, rax gets the entry, ZF clear. */
    r = regs();
    r.rax = 1;
    r.rcx = 0x7063;
    assert_int_equal(EMULATE(B(0xf0, 0x48, 0x0f, 0xb1, 0x0a), ADDR, OLD, &r,
                             &e, &w), 0);
    assert_false(w);
    assert_int_equal(e, OLD);
    assert_int_equal(r.rax, OLD);
    assert_false(r.rflags & FL_ZF);
}

static void test_bit_ops(void **state)
{
    struct hv_regs r = regs();
    uint64_t e;
    bool w;

    /* lock andb $0xfd,(%rdi): clear_bit(_PAGE_BIT_RW) */
    assert_int_equal(EMULATE(B(0xf0, 0x80, 0x27, 0xfd), ADDR, OLD, &r, &e,
                             &w), 0);
    assert_int_equal(e, OLD & ~2UL);
    /* lock btrq $5,(%rdi): test_and_clear_bit(_PAGE_BIT_ACCESSED) */
    r = regs();
    assert_int_equal(EMULATE(B(0xf0, 0x48, 0x0f, 0xba, 0x37, 0x05), ADDR, OLD,
                             &r, &e, &w), 0);
    assert_int_equal(e, OLD & ~0x20UL);
    assert_true(r.rflags & FL_CF);
    assert_int_equal(r.rip, 0x1006);
    /* lock orq %rsi,(%rdi) */
    r = regs();
    r.rsi = 0x100;
    assert_int_equal(EMULATE(B(0xf0, 0x48, 0x09, 0x37), ADDR, OLD, &r, &e,
                             &w), 0);
    assert_int_equal(e, OLD | 0x100);
}

static void test_refused(void **state)
{
    struct hv_regs r = regs();
    uint64_t e;
    bool w;

    /* Misaligned quadword. */
    assert_int_equal(EMULATE(B(0x48, 0x89, 0x2b), ADDR + 4, OLD, &r, &e, &w),
                     -1);
    /* rep stosq, a register destination, an unknown opcode, truncated. */
    assert_int_equal(EMULATE(B(0xf3, 0x48, 0xab), ADDR, OLD, &r, &e, &w), -1);
    assert_int_equal(EMULATE(B(0x48, 0x89, 0xc3), ADDR, OLD, &r, &e, &w), -1);
    assert_int_equal(EMULATE(B(0x48, 0x01, 0x07), ADDR, OLD, &r, &e, &w), -1);
    assert_int_equal(EMULATE(B(0x48, 0xc7, 0x07, 0), ADDR, OLD, &r, &e, &w),
                     -1);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_mov_reg64),
        cmocka_unit_test(test_mov_disp_and_sib),
        cmocka_unit_test(test_mov_imm),
        cmocka_unit_test(test_mov32_halves),
        cmocka_unit_test(test_xchg),
        cmocka_unit_test(test_cmpxchg),
        cmocka_unit_test(test_bit_ops),
        cmocka_unit_test(test_refused),
    };

    return cmocka_run_group_tests(tests, NULL, NULL);
}
