/* SPDX-License-Identifier: MIT */
/* Freestanding string and memory functions (see include/string.h). */
#include <string.h>
#include <stdint.h>

/*
 * GCC recognises byte loops as memcpy/memset and would turn the bodies of
 * these very functions into calls to themselves; forbid that here.
 */
#define NO_LIBCALL __attribute__((optimize("no-tree-loop-distribute-patterns")))

/* Word accesses alias whatever the caller's buffers hold. */
typedef uint64_t __attribute__((may_alias)) word_t;
#define WORD sizeof(word_t)

static int both_aligned(const void *a, const void *b)
{
    return (((uintptr_t)a | (uintptr_t)b) & (WORD - 1)) == 0;
}

NO_LIBCALL void *memcpy(void *restrict dst, const void *restrict src,
                        size_t n)
{
    unsigned char *d = dst;
    const unsigned char *s = src;

    /*
     * Page copies are the common large case: one rep movsq moves them a
     * word per iteration (and is fast on real CPUs too).
     */
    if (both_aligned(d, s) && n >= WORD) {
        size_t words = n / WORD;

        __asm__ __volatile__("rep movsq"
                             : "+D"(d), "+S"(s), "+c"(words)
                             :
                             : "memory");
        n %= WORD;
    }
    while (n--)
        *d++ = *s++;
    return dst;
}

NO_LIBCALL void *memmove(void *dst, const void *src, size_t n)
{
    unsigned char *d = dst;
    const unsigned char *s = src;

    if (d == s || n == 0)
        return dst;
    if (d < s || d >= s + n)
        return memcpy(dst, src, n);
    /* Overlap with dst above src: copy backwards so src is read first. */
    while (n--)
        d[n] = s[n];
    return dst;
}

NO_LIBCALL void *memset(void *dst, int c, size_t n)
{
    unsigned char *d = dst;
    word_t pattern = (unsigned char)c * 0x0101010101010101ULL;

    while (n && ((uintptr_t)d & (WORD - 1))) {
        *d++ = (unsigned char)c;
        n--;
    }
    if (n >= WORD) {
        size_t words = n / WORD;

        __asm__ __volatile__("rep stosq"
                             : "+D"(d), "+c"(words)
                             : "a"(pattern)
                             : "memory");
        n %= WORD;
    }
    while (n--)
        *d++ = (unsigned char)c;
    return dst;
}

int memcmp(const void *a, const void *b, size_t n)
{
    const unsigned char *x = a, *y = b;

    for (; n; n--, x++, y++) {
        if (*x != *y)
            return *x - *y;
    }
    return 0;
}

size_t strlen(const char *s)
{
    const char *p = s;

    while (*p)
        p++;
    return (size_t)(p - s);
}

size_t strnlen(const char *s, size_t max)
{
    size_t n = 0;

    while (n < max && s[n])
        n++;
    return n;
}

int strcmp(const char *a, const char *b)
{
    const unsigned char *x = (const unsigned char *)a;
    const unsigned char *y = (const unsigned char *)b;

    while (*x && *x == *y) {
        x++;
        y++;
    }
    return *x - *y;
}

int strncmp(const char *a, const char *b, size_t n)
{
    const unsigned char *x = (const unsigned char *)a;
    const unsigned char *y = (const unsigned char *)b;

    for (; n; n--, x++, y++) {
        if (*x != *y || !*x)
            return *x - *y;
    }
    return 0;
}

char *strchr(const char *s, int c)
{
    for (;; s++) {
        if (*s == (char)c)
            return (char *)s;
        if (!*s)
            return NULL;
    }
}

size_t strlcpy(char *restrict dst, const char *restrict src, size_t size)
{
    size_t len = strlen(src);

    if (size) {
        size_t n = len < size - 1 ? len : size - 1;

        memcpy(dst, src, n);
        dst[n] = '\0';
    }
    return len;
}
