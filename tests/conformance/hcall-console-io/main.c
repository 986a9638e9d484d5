/* SPDX-License-Identifier: MIT */
/*
 * Pins console_io for dom0: CONSOLEIO_write of count bytes returns 0 (also
 * for count 0); a buffer that is unmapped, non-canonical or inside the
 * hypervisor returns -EFAULT; an unknown command returns -ENOSYS;
 * CONSOLEIO_read with nothing typed returns 0 bytes.
 */
#include "abi/console-io.h"
#include "abi/errno.h"
#include "gk/bad.h"
#include "gk/hypercall.h"
#include "gk/test.h"

GK_TEST_INFO("hcall-console-io", "console_io write/read and its errors");

int main(void)
{
    static const char msg[] = "console_io: a line written directly\n";
    char in[16];

    check_rc(HYPERVISOR_console_io(CONSOLEIO_write, sizeof(msg) - 1, msg), 0,
             "write");
    check_rc(HYPERVISOR_console_io(CONSOLEIO_write, 0, msg), 0,
             "write of 0 bytes");
    check_rc(HYPERVISOR_console_io(CONSOLEIO_write, 0, NULL), 0,
             "write of 0 bytes from NULL");
    check_rc(HYPERVISOR_console_io(CONSOLEIO_write, 16,
                                   (const char *)GK_BAD_UNMAPPED),
             -XEN_EFAULT, "write from an unmapped buffer");
    check_rc(HYPERVISOR_console_io(CONSOLEIO_write, 16,
                                   (const char *)GK_BAD_NONCANONICAL),
             -XEN_EFAULT, "write from a non-canonical buffer");
    check_rc(HYPERVISOR_console_io(CONSOLEIO_write, 16,
                                   (const char *)GK_BAD_HYPERVISOR),
             -XEN_EFAULT, "write from hypervisor memory");
    check_rc(HYPERVISOR_console_io(2, sizeof(msg) - 1, msg), -XEN_ENOSYS,
             "unknown command 2");
    check_rc(HYPERVISOR_console_io(-1, sizeof(msg) - 1, msg), -XEN_ENOSYS,
             "unknown command -1");
    check_rc(HYPERVISOR_console_io(CONSOLEIO_read, sizeof(in), in), 0,
             "read with no input");
    return 0;
}
