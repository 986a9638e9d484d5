/* SPDX-License-Identifier: MIT */
/* printf-compatible formatting into a bounded buffer (see format.h). */
#include "include/format.h"

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

/* Where output goes: bytes past size-1 are counted but dropped. */
struct sink {
    char *buf;
    size_t size;
    size_t pos;
};

static void put(struct sink *s, char c)
{
    if (s->pos + 1 < s->size)
        s->buf[s->pos] = c;
    s->pos++;
}

static void put_n(struct sink *s, char c, int n)
{
    while (n-- > 0)
        put(s, c);
}

static void put_str(struct sink *s, const char *str, size_t len)
{
    while (len--)
        put(s, *str++);
}

#define F_LEFT  0x01   /* '-' */
#define F_ZERO  0x02   /* '0' */
#define F_ALT   0x04   /* '#' */
#define F_SPACE 0x08   /* ' ' */
#define F_PLUS  0x10   /* '+' */

/* One parsed conversion specification. */
struct spec {
    unsigned flags;
    int width;          /* 0 if none */
    int prec;           /* -1 if none */
    char conv;
};

/* Pad a field of len characters out to the spec's width. */
static void pad_left(struct sink *s, const struct spec *sp, int len)
{
    if (!(sp->flags & F_LEFT))
        put_n(s, ' ', sp->width - len);
}

static void pad_right(struct sink *s, const struct spec *sp, int len)
{
    if (sp->flags & F_LEFT)
        put_n(s, ' ', sp->width - len);
}

/*
 * Print an integer: [sign][prefix][zeros]digits, padded to the width.
 * neg says the value was negative (val holds its magnitude).
 */
static void put_int(struct sink *s, const struct spec *sp,
                    unsigned long long val, int neg)
{
    const char *digit_set = sp->conv == 'X' ? "0123456789ABCDEF"
                                            : "0123456789abcdef";
    unsigned base = 10;
    char digits[24];   /* 2^64 needs 22 octal digits */
    int nd = 0, zeros = 0, len;
    const char *prefix = "";
    char sign = 0;

    if (sp->conv == 'o')
        base = 8;
    else if (sp->conv == 'x' || sp->conv == 'X' || sp->conv == 'p')
        base = 16;

    /* Precision 0 with value 0 prints no digits at all. */
    if (val || sp->prec != 0) {
        do {
            digits[nd++] = digit_set[val % base];
            val /= base;
        } while (val);
    }

    if (sp->conv == 'd' || sp->conv == 'i') {
        if (neg)
            sign = '-';
        else if (sp->flags & F_PLUS)
            sign = '+';
        else if (sp->flags & F_SPACE)
            sign = ' ';
    }
    if (sp->conv == 'p' ||
        ((sp->flags & F_ALT) && nd && !(nd == 1 && digits[0] == '0'))) {
        if (sp->conv == 'x' || sp->conv == 'p')
            prefix = "0x";
        else if (sp->conv == 'X')
            prefix = "0X";
    }

    if (sp->prec > nd)
        zeros = sp->prec - nd;
    /* '#' with 'o' makes sure the output starts with a 0. */
    if (sp->conv == 'o' && (sp->flags & F_ALT) && !zeros &&
        (nd == 0 || digits[nd - 1] != '0'))
        zeros = 1;

    len = (sign ? 1 : 0) + (prefix[0] ? 2 : 0) + zeros + nd;
    /* '0' pads with zeros after the sign, unless '-' or a precision. */
    if ((sp->flags & F_ZERO) && !(sp->flags & F_LEFT) && sp->prec < 0 &&
        sp->width > len) {
        zeros += sp->width - len;
        len = sp->width;
    }

    pad_left(s, sp, len);
    if (sign)
        put(s, sign);
    put_str(s, prefix, prefix[0] ? 2 : 0);
    put_n(s, '0', zeros);
    while (nd)
        put(s, digits[--nd]);
    pad_right(s, sp, len);
}

static void put_string(struct sink *s, const struct spec *sp, const char *str)
{
    size_t len = 0;

    if (!str)
        str = (sp->prec < 0 || sp->prec >= 6) ? "(null)" : "";
    /* Never read past the precision: the string may not be terminated. */
    while ((sp->prec < 0 || len < (size_t)sp->prec) && str[len])
        len++;
    pad_left(s, sp, (int)len);
    put_str(s, str, len);
    pad_right(s, sp, (int)len);
}

/* Length modifiers, widest last. */
enum length { LEN_NONE, LEN_HH, LEN_H, LEN_L, LEN_LL, LEN_Z, LEN_T, LEN_J };

static unsigned long long get_unsigned(va_list *ap, enum length len)
{
    switch (len) {
    case LEN_HH: return (unsigned char)va_arg(*ap, unsigned int);
    case LEN_H:  return (unsigned short)va_arg(*ap, unsigned int);
    case LEN_L:  return va_arg(*ap, unsigned long);
    case LEN_LL: return va_arg(*ap, unsigned long long);
    case LEN_Z:  return va_arg(*ap, size_t);
    case LEN_T:  return (unsigned long long)va_arg(*ap, ptrdiff_t);
    case LEN_J:  return va_arg(*ap, uintmax_t);
    default:     return va_arg(*ap, unsigned int);
    }
}

static long long get_signed(va_list *ap, enum length len)
{
    switch (len) {
    case LEN_HH: return (signed char)va_arg(*ap, int);
    case LEN_H:  return (short)va_arg(*ap, int);
    case LEN_L:  return va_arg(*ap, long);
    case LEN_LL: return va_arg(*ap, long long);
    case LEN_Z:  return (long long)va_arg(*ap, size_t);
    case LEN_T:  return va_arg(*ap, ptrdiff_t);
    case LEN_J:  return va_arg(*ap, intmax_t);
    default:     return va_arg(*ap, int);
    }
}

static enum length parse_length(const char **fmt)
{
    const char *f = *fmt;
    enum length len = LEN_NONE;

    switch (*f) {
    case 'h':
        len = f[1] == 'h' ? LEN_HH : LEN_H;
        break;
    case 'l':
        len = f[1] == 'l' ? LEN_LL : LEN_L;
        break;
    case 'z': len = LEN_Z; break;
    case 't': len = LEN_T; break;
    case 'j': len = LEN_J; break;
    default: return LEN_NONE;
    }
    *fmt = f + ((len == LEN_HH || len == LEN_LL) ? 2 : 1);
    return len;
}

/* Parse a decimal number or '*' (taken from ap); advances *fmt. */
static int parse_number(const char **fmt, va_list *ap, int *from_arg)
{
    const char *f = *fmt;
    int n = 0;

    *from_arg = 0;
    if (*f == '*') {
        *fmt = f + 1;
        *from_arg = 1;
        return va_arg(*ap, int);
    }
    /* Clamp instead of overflowing on absurd widths. */
    for (; *f >= '0' && *f <= '9'; f++)
        n = n > 100000000 ? n : n * 10 + (*f - '0');
    *fmt = f;
    return n;
}

/* Parse flags, width and precision after a '%'. */
static void parse_spec(const char **fmt, va_list *ap, struct spec *sp)
{
    const char *f = *fmt;
    int from_arg;

    sp->flags = 0;
    for (;; f++) {
        if (*f == '-') sp->flags |= F_LEFT;
        else if (*f == '0') sp->flags |= F_ZERO;
        else if (*f == '#') sp->flags |= F_ALT;
        else if (*f == ' ') sp->flags |= F_SPACE;
        else if (*f == '+') sp->flags |= F_PLUS;
        else break;
    }
    sp->width = parse_number(&f, ap, &from_arg);
    if (sp->width < 0) {
        /* A negative '*' width means '-' and its magnitude. */
        sp->flags |= F_LEFT;
        sp->width = sp->width < -100000000 ? 100000000 : -sp->width;
    }
    sp->prec = -1;
    if (*f == '.') {
        f++;
        sp->prec = parse_number(&f, ap, &from_arg);
        /* A negative '*' precision counts as none. */
        if (sp->prec < 0)
            sp->prec = -1;
    }
    *fmt = f;
}

/* Handle one conversion at *fmt (just after the '%'). */
static void convert(struct sink *s, const char **fmt, va_list *ap)
{
    const char *start = *fmt - 1;
    struct spec sp;
    enum length len;
    long long v;

    parse_spec(fmt, ap, &sp);
    len = parse_length(fmt);
    sp.conv = **fmt;
    if (sp.conv)
        (*fmt)++;

    switch (sp.conv) {
    case 'd':
    case 'i':
        v = get_signed(ap, len);
        put_int(s, &sp, v < 0 ? 0ULL - (unsigned long long)v
                              : (unsigned long long)v, v < 0);
        break;
    case 'u':
    case 'x':
    case 'X':
    case 'o':
        put_int(s, &sp, get_unsigned(ap, len), 0);
        break;
    case 'p': {
        void *p = va_arg(*ap, void *);

        if (!p) {
            sp.prec = -1;
            put_string(s, &sp, "(nil)");
        } else {
            put_int(s, &sp, (uintptr_t)p, 0);
        }
        break;
    }
    case 'c':
        pad_left(s, &sp, 1);
        put(s, (char)va_arg(*ap, int));
        pad_right(s, &sp, 1);
        break;
    case 's':
        put_string(s, &sp, va_arg(*ap, const char *));
        break;
    case '%':
        put(s, '%');
        break;
    default:
        /* Unknown or truncated: show the specification as written. */
        put_str(s, start, (size_t)(*fmt - start));
        break;
    }
}

int vsnformat(char *buf, size_t size, const char *fmt, va_list ap)
{
    struct sink s = { .buf = buf, .size = size, .pos = 0 };
    va_list args;

    va_copy(args, ap);
    while (*fmt) {
        if (*fmt != '%') {
            put(&s, *fmt++);
            continue;
        }
        fmt++;
        convert(&s, &fmt, &args);
    }
    va_end(args);

    if (size)
        buf[s.pos < size ? s.pos : size - 1] = '\0';
    /* The int return type caps output near 2 GiB, as in C's snprintf. */
    return s.pos > 0x7FFFFFFF ? 0x7FFFFFFF : (int)s.pos;
}

int snformat(char *buf, size_t size, const char *fmt, ...)
{
    va_list ap;
    int n;

    va_start(ap, fmt);
    n = vsnformat(buf, size, fmt, ap);
    va_end(ap);
    return n;
}
