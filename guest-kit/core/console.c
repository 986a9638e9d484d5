/* SPDX-License-Identifier: MIT */
/* Console output through console_io CONSOLEIO_write. */
#include "gk/console.h"

#include <format.h>

#include "abi/console-io.h"
#include "gk/hypercall.h"

long gk_console_write(const char *buf, size_t len)
{
    return HYPERVISOR_console_io(CONSOLEIO_write, (int)len, buf);
}

int gk_vprintf(const char *fmt, va_list ap)
{
    /* On the stack: printing from an exception handler must be safe. */
    char buf[512];
    int n = vsnformat(buf, sizeof(buf), fmt, ap);

    gk_console_write(buf, (size_t)n < sizeof(buf) ? (size_t)n
                                                  : sizeof(buf) - 1);
    return n;
}

int gk_printf(const char *fmt, ...)
{
    va_list ap;
    int n;

    va_start(ap, fmt);
    n = gk_vprintf(fmt, ap);
    va_end(ap);
    return n;
}
