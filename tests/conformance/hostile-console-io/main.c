/* SPDX-License-Identifier: MIT */
/*
 * Hostile-guest test 47 (CON-WRITE), class M (xtf.git
 * tests/xsa-consoleio-write: a signed length once overflowed Xen's stack
 * in CONSOLEIO_write). Invariant: console_io's count is an unsigned
 * 32-bit number of bytes, all of them read from the guest with checks;
 * no count makes the hypervisor copy past the guest's buffer or return a
 * length it did not transfer.
 *
 *  - CONSOLEIO_write of count 0 from NULL, unmapped or non-canonical
 *    buffers: 0 (nothing is read); count 1 and 4095: 0;
 *  - count 2^31, 2^32-1 (negative as an int) from a buffer 64 bytes
 *    before an unmapped page: -EFAULT once the copy reaches that page;
 *    from an unmapped, non-canonical or hypervisor buffer: -EFAULT;
 *  - count 2^32 and 2^32+1 (bits above 31 of the register): only the
 *    low 32 bits count, so 0 from a bad buffer, and 1 byte is written;
 *  - CONSOLEIO_read (dom0 may read) with nothing typed: count 0, 1,
 *    2^31-1 return 0; count 2^31 and 2^32-1 (negative as an int) are
 *    -E2BIG, as on Xen 4.17 (a length that large could not be told from
 *    an errno); a bad buffer with nothing to copy is 0.
 */
#include <string.h>

#include "abi/console-io.h"
#include "abi/errno.h"
#include "abi/mmu.h"
#include "gk/bad.h"
#include "gk/hypercall.h"
#include "gk/mm.h"
#include "gk/pagetable.h"
#include "gk/test.h"

GK_TEST_INFO("hostile-console-io", "console_io counts are unsigned 32-bit");

static char pages[2][4096] __attribute__((aligned(4096)));

static long con(unsigned long cmd, unsigned long count, const void *buf)
{
    return gk_hypercall5(__HYPERVISOR_console_io, cmd, count,
                         (unsigned long)buf, 0, 0);
}

static void check_writes(void)
{
    static const void *const bad[] = {
        NULL, (void *)GK_BAD_UNMAPPED, (void *)GK_BAD_NONCANONICAL,
        (void *)GK_BAD_HYPERVISOR, (void *)GK_BAD_WRAP,
    };
    static const unsigned long huge[] = { 0x80000000UL, 0xFFFFFFFFUL };
    char *tail = pages[1] - 64;

    /* Printable text: a line per 64 bytes. */
    for (unsigned int i = 0; i < sizeof(pages[0]); i++)
        pages[0][i] = (i % 64 == 63) ? '\n' : '.';
    check_rc(con(CONSOLEIO_write, 1, "\n"), 0, "write of 1 byte");
    check_rc(con(CONSOLEIO_write, 4095, pages[0]), 0, "write of 4095 bytes");

    check_rc(HYPERVISOR_update_va_mapping((uint64_t)pages[1], 0, UVMF_INVLPG),
             0, "unmap the page after the buffer");
    for (unsigned int i = 0; i < 2; i++) {
        check_rc(con(CONSOLEIO_write, huge[i], tail), -XEN_EFAULT,
                 "huge write running into an unmapped page");
        for (unsigned int b = 1; b < sizeof(bad) / sizeof(bad[0]); b++)
            check_rc(con(CONSOLEIO_write, huge[i], bad[b]), -XEN_EFAULT,
                     "huge write from a bad buffer");
    }
    for (unsigned int b = 0; b < sizeof(bad) / sizeof(bad[0]); b++) {
        check_rc(con(CONSOLEIO_write, 0, bad[b]), 0,
                 "write of 0 bytes from a bad buffer");
        check_rc(con(CONSOLEIO_write, 1UL << 32, bad[b]), 0,
                 "write of 2^32 bytes (low half 0) from a bad buffer");
    }
    check_rc(con(CONSOLEIO_write, (1UL << 32) | 1, "\n"), 0,
             "write of 2^32+1 bytes (low half 1)");
    check_rc(HYPERVISOR_update_va_mapping((uint64_t)pages[1],
                                          gk_virt_to_ma(pages[1]) |
                                              GK_PT_DATA, UVMF_INVLPG),
             0, "map the page back");
}

static void check_reads(void)
{
    char in[16];

    check_rc(con(CONSOLEIO_read, 0, in), 0, "read of 0");
    check_rc(con(CONSOLEIO_read, 1, in), 0, "read of 1, nothing typed");
    check_rc(con(CONSOLEIO_read, 0x7FFFFFFF, in), 0,
             "read of 2^31-1, nothing typed");
    check_rc(con(CONSOLEIO_read, 16, (void *)GK_BAD_UNMAPPED), 0,
             "read into an unmapped buffer, nothing typed");
    check_rc(con(CONSOLEIO_read, 0x80000000UL, in), -XEN_E2BIG,
             "read of 2^31");
    check_rc(con(CONSOLEIO_read, 0xFFFFFFFFUL, in), -XEN_E2BIG,
             "read of 2^32-1");
    check_rc(con(CONSOLEIO_read, 0xFFFFFFFF00000010UL, in), 0,
             "read of 16 with garbage in the high half");
}

int main(void)
{
    check_writes();
    check_reads();
    return 0;
}
