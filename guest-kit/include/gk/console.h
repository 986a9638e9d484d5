/* SPDX-License-Identifier: MIT */
/* Console output through console_io (the hypervisor console of dom0). */
#ifndef GK_CONSOLE_H
#define GK_CONSOLE_H

#include <stdarg.h>
#include <stddef.h>

/* Write len bytes; returns the hypercall's result (0 or -errno). */
long gk_console_write(const char *buf, size_t len);

/* printf to the console; returns the formatted length. */
int gk_printf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
int gk_vprintf(const char *fmt, va_list ap)
    __attribute__((format(printf, 1, 0)));

#define printk gk_printf

#endif
