/* SPDX-License-Identifier: MIT */
/* Tests of hv/lib/cmdline.c: option lookup and size parsing. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "hv/lib/cmdline.h"

static void test_lookup_finds_values_bare_keys_and_last_wins(void **state)
{
    static const struct {
        const char *line, *key;
        int found;
        const char *val;
    } cases[] = {
        { "console=com1 dom0_mem=64M loglvl=all", "dom0_mem", 1, "64M" },
        { "console=com1 dom0_mem=64M loglvl=all", "console", 1, "com1" },
        { "console=com1 dom0_mem=64M loglvl=all", "loglvl", 1, "all" },
        { "  noreboot  ", "noreboot", 1, "" },
        { "a=1 a=2", "a", 1, "2" },
        { "dom0_mem_x=5", "dom0_mem", 0, NULL },
        { "xdom0_mem=5", "dom0_mem", 0, NULL },
        { "", "a", 0, NULL },
        { "a=", "a", 1, "" },
        { "a=b=c", "a", 1, "b=c" },
    };
    char val[64];

    for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
        val[0] = 'X';
        val[1] = 0;
        assert_int_equal(cmdline_get(cases[i].line, cases[i].key, val,
                                     sizeof(val)), cases[i].found);
        if (cases[i].found)
            assert_string_equal(val, cases[i].val);
    }
}

static void test_lookup_truncates_to_buffer(void **state)
{
    char val[4];

    assert_true(cmdline_get("k=abcdefgh", "k", val, sizeof(val)));
    assert_string_equal(val, "abc");
    assert_true(cmdline_get("k=abcdefgh", "k", NULL, 0));
    assert_false(cmdline_get(NULL, "k", val, sizeof(val)));
}

static void test_sizes_parse_with_binary_units(void **state)
{
    static const struct {
        const char *s;
        int rc;
        uint64_t v;
    } cases[] = {
        { "4096", 0, 4096 },
        { "512K", 0, 512 << 10 },
        { "64M", 0, 64ULL << 20 },
        { "64m", 0, 64ULL << 20 },
        { "2G", 0, 2ULL << 30 },
        { "1T", 0, 1ULL << 40 },
        { "100B", 0, 100 },
        { "18446744073709551615", 0, UINT64_MAX },
        { "18446744073709551616", -1, 0 },
        { "17179869184G", -1, 0 },
        { "", -1, 0 },
        { "M", -1, 0 },
        { "4X", -1, 0 },
        { "64M,max:64M", -1, 0 },
        { "-1", -1, 0 },
    };

    for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
        uint64_t v = 0;

        assert_int_equal(parse_size(cases[i].s, &v), cases[i].rc);
        if (!cases[i].rc)
            assert_true(v == cases[i].v);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_lookup_finds_values_bare_keys_and_last_wins),
        cmocka_unit_test(test_lookup_truncates_to_buffer),
        cmocka_unit_test(test_sizes_parse_with_binary_units),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
