/* SPDX-License-Identifier: MIT */
/*
 * Freestanding string and memory functions shared by hv and guest kernels.
 * Same names and semantics as ISO C, so the compiler's own calls resolve here.
 */
#ifndef GK_LIBC_STRING_H
#define GK_LIBC_STRING_H

#include <stddef.h>

/* Copy n bytes from src to dst; the areas must not overlap. Returns dst. */
void *memcpy(void *restrict dst, const void *restrict src, size_t n);

/* Copy n bytes from src to dst; the areas may overlap. Returns dst. */
void *memmove(void *dst, const void *src, size_t n);

/* Fill n bytes at dst with (unsigned char)c. Returns dst. */
void *memset(void *dst, int c, size_t n);

/*
 * Compare n bytes as unsigned char: < 0, 0 or > 0 as a is below, equal to
 * or above b.
 */
int memcmp(const void *a, const void *b, size_t n);

/* Length of the NUL-terminated string s. */
size_t strlen(const char *s);

/* Length of s, but at most max: never reads s[max] or beyond. */
size_t strnlen(const char *s, size_t max);

/* Compare two strings as unsigned char, like memcmp. */
int strcmp(const char *a, const char *b);

/* Compare at most n characters of two strings, like strcmp. */
int strncmp(const char *a, const char *b, size_t n);

/*
 * First occurrence of (char)c in s, or NULL. The terminating NUL counts as
 * part of s, so strchr(s, 0) points at it.
 */
char *strchr(const char *s, int c);

/*
 * Copy src into dst of size bytes, truncating; dst is always NUL-terminated
 * when size > 0. Returns strlen(src): truncation happened if it is >= size.
 */
size_t strlcpy(char *restrict dst, const char *restrict src, size_t size);

#endif
