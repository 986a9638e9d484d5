/* SPDX-License-Identifier: MIT */
/*
 * The conformance-test API. A test kernel defines `int main(void)`;
 * guest-kit has by then set up the console, the trap table and the
 * shared_info mapping. The test ends with exactly one result line:
 *
 *   Test result: SUCCESS | FAILURE: why | SKIP: why | ERROR: why
 *
 * FAILURE means the hypervisor broke the ABI; ERROR means the test itself
 * went wrong (e.g. an unexpected exception). Returning from main() reports
 * SUCCESS, or FAILURE if a check failed or main returned non-zero.
 */
#ifndef GK_TEST_H
#define GK_TEST_H

#include <stdbool.h>
#include <stdint.h>

#include "gk/console.h"
#include "gk/hv.h"

#define GK_NORETURN_PRINTF(f, a) \
    __attribute__((noreturn, format(printf, f, a)))

/* Print "Test result: SUCCESS" (or FAILURE if a check failed), power off. */
void test_pass(void) __attribute__((noreturn));
void test_fail(const char *fmt, ...) GK_NORETURN_PRINTF(1, 2);
void test_skip(const char *fmt, ...) GK_NORETURN_PRINTF(1, 2);
void test_error(const char *fmt, ...) GK_NORETURN_PRINTF(1, 2);

/*
 * Record a failed check without stopping: prints "check failed: ..." with
 * the source line; the test then ends in FAILURE naming the first one.
 */
void gk_check_failed(const char *file, int line, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

/* Number of failed checks so far. */
unsigned int gk_nr_check_failures(void);

/* Fail the check unless cond holds; the message says what was expected. */
#define check(cond, ...)                                                    \
    do {                                                                    \
        if (!(cond))                                                        \
            gk_check_failed(__FILE__, __LINE__, __VA_ARGS__);               \
    } while (0)

/* Compare two integers (any width; compared as 64-bit). */
#define check_eq(got, want, what)                                           \
    do {                                                                    \
        uint64_t got_ = (uint64_t)(got), want_ = (uint64_t)(want);          \
        if (got_ != want_)                                                  \
            gk_check_failed(__FILE__, __LINE__, "%s: got %#lx, want %#lx",  \
                            (what), got_, want_);                           \
    } while (0)

/* Compare a hypercall result with the expected 0 / -errno. */
#define check_rc(got, want, what)                                           \
    do {                                                                    \
        long got_ = (long)(got), want_ = (long)(want);                      \
        if (got_ != want_)                                                  \
            gk_check_failed(__FILE__, __LINE__, "%s: got %ld (%s), want "   \
                            "%ld (%s)", (what), got_, gk_errno_name(got_),  \
                            want_, gk_errno_name(want_));                   \
    } while (0)

/*
 * Optional: name and purpose printed at start. Use once per test:
 *   GK_TEST_INFO("boot-regs", "register values at entry");
 */
struct gk_test_info {
    const char *name;
    const char *purpose;
};
extern const struct gk_test_info gk_test_info;
#define GK_TEST_INFO(n, p) \
    const struct gk_test_info gk_test_info = { .name = (n), .purpose = (p) }

#endif
