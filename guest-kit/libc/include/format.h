/* SPDX-License-Identifier: MIT */
/*
 * printf-style formatting into a buffer, for hv and guest kernels. No
 * floating point and no %n; everything else a kernel prints is here.
 */
#ifndef GK_LIBC_FORMAT_H
#define GK_LIBC_FORMAT_H

#include <stdarg.h>
#include <stddef.h>

/*
 * Format like vsnprintf: conversions d i u x X o c s p %, flags - 0 # space
 * +, width and precision (numbers or *), lengths hh h l ll z t j. Writes at
 * most size bytes including the NUL, which is always stored when size > 0.
 * Returns the length the full output would have had (excluding the NUL),
 * so a result >= size means the output was truncated. An unknown
 * conversion is printed as written.
 */
int vsnformat(char *buf, size_t size, const char *fmt, va_list ap)
    __attribute__((format(printf, 3, 0)));

/* vsnformat with the arguments inline. */
int snformat(char *buf, size_t size, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

#endif
