/* SPDX-License-Identifier: MIT */
/* The single "Test result:" line and check bookkeeping. */
#include "gk/test.h"

#include <format.h>
#include <stdarg.h>

#include "gk/shutdown.h"

static unsigned int nr_failures;
static char first_failure[160];

/* Print the one result line and power off. why may be NULL. */
static void finish(const char *what, const char *why)
    __attribute__((noreturn));

static void finish(const char *what, const char *why)
{
    if (why)
        gk_printf("Test result: %s: %s\n", what, why);
    else
        gk_printf("Test result: %s\n", what);
    gk_shutdown(SHUTDOWN_poweroff);
}

#define FINISH_VA(what, fmt)                                                \
    do {                                                                    \
        char why_[256];                                                     \
        va_list ap_;                                                        \
                                                                            \
        va_start(ap_, fmt);                                                 \
        vsnformat(why_, sizeof(why_), fmt, ap_);                            \
        va_end(ap_);                                                        \
        finish(what, why_);                                                 \
    } while (0)

void test_pass(void)
{
    char why[256];

    if (!nr_failures)
        finish("SUCCESS", NULL);
    snformat(why, sizeof(why), "%u check%s failed, first: %s", nr_failures,
             nr_failures == 1 ? "" : "s", first_failure);
    finish("FAILURE", why);
}

void test_fail(const char *fmt, ...)
{
    FINISH_VA("FAILURE", fmt);
}

void test_skip(const char *fmt, ...)
{
    FINISH_VA("SKIP", fmt);
}

void test_error(const char *fmt, ...)
{
    FINISH_VA("ERROR", fmt);
}

void gk_check_failed(const char *file, int line, const char *fmt, ...)
{
    char msg[160];
    va_list ap;

    va_start(ap, fmt);
    vsnformat(msg, sizeof(msg), fmt, ap);
    va_end(ap);
    gk_printf("check failed: %s:%d: %s\n", file, line, msg);
    if (!nr_failures++)
        snformat(first_failure, sizeof(first_failure), "%s", msg);
}

unsigned int gk_nr_check_failures(void)
{
    return nr_failures;
}
