/* SPDX-License-Identifier: MIT */
/* snformat/vsnformat against the host's snprintf, case by case. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <limits.h>
#include <stdio.h>
#include <string.h>

#include "guest-kit/libc/include/format.h"

/*
 * Run one format through both implementations with a big buffer and with
 * a few small ones (truncation), and compare output and return value.
 */
#define SAME(fmt, ...)                                                      \
    do {                                                                    \
        static const size_t sizes[] = { 256, 0, 1, 2, 5, 9 };              \
        for (size_t i_ = 0; i_ < sizeof(sizes) / sizeof(sizes[0]); i_++) { \
            char want[256], got[256];                                       \
            memset(want, 'W', sizeof(want));                                \
            memset(got, 'W', sizeof(got));                                  \
            int wn = snprintf(want, sizes[i_], fmt, __VA_ARGS__);          \
            int gn = snformat(got, sizes[i_], fmt, __VA_ARGS__);           \
            if (wn != gn || memcmp(want, got, sizeof(want)) != 0)          \
                fail_msg("format \"%s\" size %zu: want %d \"%.*s\", got "   \
                         "%d \"%.*s\"", fmt, sizes[i_], wn,                 \
                         (int)(sizes[i_] ? strnlen(want, 255) : 0), want,   \
                         gn, (int)(sizes[i_] ? strnlen(got, 255) : 0),      \
                         got);                                              \
        }                                                                   \
    } while (0)

static void test_plain_text_and_percent(void **state)
{
    (void)state;
    SAME("%s", "");
    SAME("hello, world%s", "");
    SAME("100%% sure%s", "");
    SAME("%%%d%%", 5);
}

static void test_signed_decimal_matches_printf(void **state)
{
    static const int ints[] = { 0, 1, -1, 7, -42, 12345, INT_MAX, INT_MIN };
    static const char *const fmts[] = {
        "%d", "%i", "%5d", "%-5d|", "%05d", "%+d", "% d", "%+5d", "%-+6d|",
        "%.3d", "%.0d", "%8.3d", "%-8.3d|", "%08.3d", "%+.0d", "% 07d",
        "%+-08d|", "%1d", "%.10d", "%012d",
    };

    (void)state;
    for (size_t i = 0; i < sizeof(ints) / sizeof(ints[0]); i++) {
        for (size_t f = 0; f < sizeof(fmts) / sizeof(fmts[0]); f++)
            SAME(fmts[f], ints[i]);
    }
}

static void test_unsigned_conversions_match_printf(void **state)
{
    static const unsigned vals[] = { 0, 1, 8, 9, 255, 0xDEADBEEF, UINT_MAX };
    static const char *const fmts[] = {
        "%u", "%x", "%X", "%o", "%#x", "%#X", "%#o", "%#.0o", "%.0x",
        "%#.0x", "%08x", "%#08x", "%-#8x|", "%#10.4x", "%#5o", "%.5o",
        "%#.5o", "%#08o", "%10u", "%-10u|", "%010u",
    };

    (void)state;
    for (size_t i = 0; i < sizeof(vals) / sizeof(vals[0]); i++) {
        for (size_t f = 0; f < sizeof(fmts) / sizeof(fmts[0]); f++)
            SAME(fmts[f], vals[i]);
    }
}

static void test_length_modifiers_truncate_and_widen(void **state)
{
    (void)state;
    SAME("%hhd", 300);
    SAME("%hhd", -129);
    SAME("%hhu", 511);
    SAME("%hd", 70000);
    SAME("%hx", 0x12345678);
    SAME("%ld", LONG_MIN);
    SAME("%lu", ULONG_MAX);
    SAME("%lx", 0xFFFF800000000000UL);
    SAME("%lld", LLONG_MIN);
    SAME("%llu", ULLONG_MAX);
    SAME("%llo", ULLONG_MAX);
    SAME("%#llo", ULLONG_MAX);
    SAME("%016llx", 0x1234ULL);
    SAME("%zu", (size_t)123456789);
    SAME("%zx", (size_t)-1);
    SAME("%zd", (ssize_t)-5);
    SAME("%td", (ptrdiff_t)-77);
    SAME("%tx", (ptrdiff_t)0x77);
    SAME("%jd", (intmax_t)INT64_MIN);
    SAME("%ju", (uintmax_t)UINT64_MAX);
}

static void test_chars_and_strings_match_printf(void **state)
{
    static const char *const strs[] = { "", "a", "abc", "hello, world" };
    static const char *const fmts[] = {
        "%s", "%10s", "%-10s|", "%.2s", "%.0s", "%5.1s", "%-5.3s|", "%.20s",
    };

    (void)state;
    for (size_t i = 0; i < sizeof(strs) / sizeof(strs[0]); i++) {
        for (size_t f = 0; f < sizeof(fmts) / sizeof(fmts[0]); f++)
            SAME(fmts[f], strs[i]);
    }
    SAME("%c", 'x');
    SAME("%3c|", 'y');
    SAME("%-3c|", 'z');
    SAME("[%c%c%c]", 'a', 'b', 'c');
    /* Hidden from the compiler, which would warn about printing NULL. */
    const char *volatile null_str = NULL;
    SAME("%s", null_str);
    SAME("%10s|", null_str);
}

static void test_precision_never_reads_past_it(void **state)
{
    char unterminated[3] = { 'a', 'b', 'c' };
    char out[8];

    (void)state;
    assert_int_equal(snformat(out, sizeof(out), "%.3s", unterminated), 3);
    assert_string_equal(out, "abc");
}

static void test_pointers_match_printf(void **state)
{
    int x;

    (void)state;
    SAME("%p", (void *)&x);
    SAME("%p", (void *)0x1000);
    SAME("%20p|", (void *)0xFFFF800000000000UL);
    SAME("%-20p|", (void *)0xABC);
    SAME("%p", (void *)NULL);
    SAME("%10p|", (void *)NULL);
}

static void test_star_width_and_precision(void **state)
{
    (void)state;
    SAME("%*d|", 6, 42);
    SAME("%*d|", -6, 42);
    SAME("%-*d|", 6, 42);
    SAME("%.*d|", 4, 42);
    SAME("%.*d|", -4, 42);
    SAME("%*.*x|", 8, 3, 0xA);
    SAME("%*s|", 7, "ab");
    SAME("%.*s|", 1, "ab");
    SAME("%.*s|", -1, "ab");
    SAME("%0*d|", 5, -3);
}

static void test_many_arguments_in_one_format(void **state)
{
    (void)state;
    SAME("d%d u%u x%x s%s c%c p%p ld%ld llx%llx%%", -1, 2u, 0xabu, "str",
         'q', (void *)0x10, -3L, 0x44ULL);
    SAME("Test result: %s: %s (%d != %d)", "FAILURE", "cs", 0xE033, 0xE030);
}

static void test_truncation_returns_full_length_and_terminates(void **state)
{
    char buf[4] = { 'x', 'x', 'x', 'x' };

    (void)state;
    assert_int_equal(snformat(buf, sizeof(buf), "%d", 123456), 6);
    assert_string_equal(buf, "123");
    assert_int_equal(snformat(NULL, 0, "%s-%d", "abc", 7), 5);
    buf[0] = 'x';
    assert_int_equal(snformat(buf, 1, "anything"), 8);
    assert_int_equal(buf[0], '\0');
}

static int call_v(char *buf, size_t size, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

static int call_v(char *buf, size_t size, const char *fmt, ...)
{
    va_list ap;
    int n;

    va_start(ap, fmt);
    n = vsnformat(buf, size, fmt, ap);
    va_end(ap);
    return n;
}

static void test_vsnformat_takes_a_va_list(void **state)
{
    char buf[32];

    (void)state;
    assert_int_equal(call_v(buf, sizeof(buf), "%s=%#x", "cs", 0xE033), 9);
    assert_string_equal(buf, "cs=0xe033");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_plain_text_and_percent),
        cmocka_unit_test(test_signed_decimal_matches_printf),
        cmocka_unit_test(test_unsigned_conversions_match_printf),
        cmocka_unit_test(test_length_modifiers_truncate_and_widen),
        cmocka_unit_test(test_chars_and_strings_match_printf),
        cmocka_unit_test(test_precision_never_reads_past_it),
        cmocka_unit_test(test_pointers_match_printf),
        cmocka_unit_test(test_star_width_and_precision),
        cmocka_unit_test(test_many_arguments_in_one_format),
        cmocka_unit_test(test_truncation_returns_full_length_and_terminates),
        cmocka_unit_test(test_vsnformat_takes_a_va_list),
    };

    return cmocka_run_group_tests(tests, NULL, NULL);
}
