/* SPDX-License-Identifier: MIT */
/*
 * guest-kit/libc/string.c against the host's C library. files.mk renames
 * our functions to gk_test_* (-D) so both can live in one program; the
 * host's versions are reached through the __builtin_ names below.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include "guest-kit/libc/include/string.h"

/* The host implementations, under names the -D renames do not touch. */
#define host_memcmp  __builtin_memcmp
#define host_strlen  __builtin_strlen
#define host_strcmp  __builtin_strcmp
#define host_strncmp __builtin_strncmp
#define host_strchr  __builtin_strchr

static int sign(int v)
{
    return (v > 0) - (v < 0);
}

/* A buffer with a fixed pseudo-random fill, so each test sees the same. */
static void fill(unsigned char *buf, size_t n, unsigned seed)
{
    for (size_t i = 0; i < n; i++) {
        seed = seed * 1103515245u + 12345u;
        buf[i] = (unsigned char)(seed >> 16);
    }
}

static void test_memcpy_copies_every_length_and_alignment(void **state)
{
    unsigned char src[96], dst[96], want[96];

    (void)state;
    fill(src, sizeof(src), 1);
    for (size_t so = 0; so < 9; so++) {
        for (size_t dof = 0; dof < 9; dof++) {
            for (size_t n = 0; n + so < 80 && n + dof < 80; n++) {
                fill(dst, sizeof(dst), 2);
                fill(want, sizeof(want), 2);
                for (size_t i = 0; i < n; i++)
                    want[dof + i] = src[so + i];
                assert_ptr_equal(memcpy(dst + dof, src + so, n), dst + dof);
                assert_memory_equal(dst, want, sizeof(dst));
            }
        }
    }
}

static void test_memmove_handles_overlap_both_ways(void **state)
{
    unsigned char buf[64], want[64];

    (void)state;
    for (size_t from = 0; from < 24; from++) {
        for (size_t to = 0; to < 24; to++) {
            for (size_t n = 0; n <= 40; n++) {
                unsigned char tmp[64];

                fill(buf, sizeof(buf), 3);
                fill(want, sizeof(want), 3);
                for (size_t i = 0; i < n; i++)
                    tmp[i] = want[from + i];
                for (size_t i = 0; i < n; i++)
                    want[to + i] = tmp[i];
                assert_ptr_equal(memmove(buf + to, buf + from, n), buf + to);
                assert_memory_equal(buf, want, sizeof(buf));
            }
        }
    }
}

static void test_memset_fills_only_the_range(void **state)
{
    unsigned char buf[80], want[80];

    (void)state;
    for (size_t off = 0; off < 9; off++) {
        for (size_t n = 0; n + off < 72; n++) {
            fill(buf, sizeof(buf), 4);
            fill(want, sizeof(want), 4);
            for (size_t i = 0; i < n; i++)
                want[off + i] = 0xA5;
            /* Only the low byte of c counts. */
            assert_ptr_equal(memset(buf + off, 0x1A5, n), buf + off);
            assert_memory_equal(buf, want, sizeof(buf));
        }
    }
}

static void test_memcmp_orders_as_unsigned_bytes(void **state)
{
    static const struct {
        const char *a, *b;
        size_t n;
    } cases[] = {
        { "", "", 0 }, { "abc", "abd", 3 }, { "abc", "abd", 2 },
        { "\x80", "\x7f", 1 }, { "\x01", "\xff", 1 }, { "same", "same", 4 },
        { "zzz", "zza", 3 }, { "a\0b", "a\0c", 3 },
    };

    (void)state;
    for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++)
        assert_int_equal(sign(memcmp(cases[i].a, cases[i].b, cases[i].n)),
                         sign(host_memcmp(cases[i].a, cases[i].b,
                                          cases[i].n)));
}

static const char *const strings[] = {
    "", "a", "ab", "abc", "abd", "abcd", "b", "\x80", "\x7f", "xen-3.0",
    "xen-3.0-x86_64", "Test result: SUCCESS",
};
#define NR_STRINGS (sizeof(strings) / sizeof(strings[0]))

static void test_strlen_and_strnlen_match_host(void **state)
{
    (void)state;
    for (size_t i = 0; i < NR_STRINGS; i++) {
        size_t len = host_strlen(strings[i]);

        assert_int_equal(strlen(strings[i]), len);
        for (size_t max = 0; max < 24; max++)
            assert_int_equal(strnlen(strings[i], max),
                             len < max ? len : max);
    }
}

static void test_strnlen_stops_at_max_without_a_nul(void **state)
{
    const char raw[4] = { 'a', 'b', 'c', 'd' };

    (void)state;
    assert_int_equal(strnlen(raw, sizeof(raw)), 4);
    assert_int_equal(strnlen(raw, 2), 2);
}

static void test_strcmp_and_strncmp_match_host(void **state)
{
    (void)state;
    for (size_t i = 0; i < NR_STRINGS; i++) {
        for (size_t j = 0; j < NR_STRINGS; j++) {
            const char *a = strings[i], *b = strings[j];

            assert_int_equal(sign(strcmp(a, b)), sign(host_strcmp(a, b)));
            for (size_t n = 0; n < 16; n++)
                assert_int_equal(sign(strncmp(a, b, n)),
                                 sign(host_strncmp(a, b, n)));
        }
    }
}

static void test_strchr_finds_first_match_and_the_nul(void **state)
{
    static const char s[] = "console=com1 dom0_mem=64M";

    (void)state;
    for (int c = 0; c < 256; c++)
        assert_ptr_equal(strchr(s, c), host_strchr(s, c));
    assert_ptr_equal(strchr(s, '\0'), s + sizeof(s) - 1);
    /* c is converted to char: 0x100 + 'c' still finds 'c'. */
    assert_ptr_equal(strchr(s, 0x100 + 'c'), s);
}

static void test_strlcpy_truncates_and_terminates(void **state)
{
    static const struct {
        const char *src;
        size_t size;
        const char *want;
    } cases[] = {
        { "hello", 16, "hello" }, { "hello", 6, "hello" },
        { "hello", 5, "hell" }, { "hello", 1, "" }, { "", 4, "" },
    };
    char dst[16];

    (void)state;
    for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
        assert_int_equal(strlcpy(dst, cases[i].src, cases[i].size),
                         host_strlen(cases[i].src));
        assert_string_equal(dst, cases[i].want);
    }
    dst[0] = 'x';
    assert_int_equal(strlcpy(dst, "abc", 0), 3);
    assert_int_equal(dst[0], 'x');
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_memcpy_copies_every_length_and_alignment),
        cmocka_unit_test(test_memmove_handles_overlap_both_ways),
        cmocka_unit_test(test_memset_fills_only_the_range),
        cmocka_unit_test(test_memcmp_orders_as_unsigned_bytes),
        cmocka_unit_test(test_strlen_and_strnlen_match_host),
        cmocka_unit_test(test_strnlen_stops_at_max_without_a_nul),
        cmocka_unit_test(test_strcmp_and_strncmp_match_host),
        cmocka_unit_test(test_strchr_finds_first_match_and_the_nul),
        cmocka_unit_test(test_strlcpy_truncates_and_terminates),
    };

    return cmocka_run_group_tests(tests, NULL, NULL);
}
