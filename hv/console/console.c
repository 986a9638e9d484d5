/* SPDX-License-Identifier: MIT */
/* hv's log: formatting, timestamps, levels, rate limits and the ring. */
#include "console/console.h"
#include "console/serial.h"
#include "arch/x86/cpu.h"
#include "domain/domain.h"
#include "lib/spinlock.h"

#include <format.h>
#include <stdarg.h>
#include <string.h>

#define RING_SIZE 16384    /* power of two */
#define LINE_MAX  256
/* gerr lines per guest before they are rate-limited */
#define GERR_BURST 200

static enum log_level log_threshold = LOG_INFO;
static uint64_t (*clock_ns)(void);
static char ring[RING_SIZE];
static size_t ring_prod;
static DEFINE_SPINLOCK(console_lock);

void console_set_level(enum log_level lvl)
{
    log_threshold = lvl;
}

void console_set_clock(uint64_t (*now_ns)(void))
{
    clock_ns = now_ns;
}

int console_parse_level(const char *s, enum log_level *lvl)
{
    static const struct { const char *name; enum log_level lvl; } names[] = {
        { "none", LOG_ERR }, { "error", LOG_ERR }, { "warning", LOG_WARN },
        { "info", LOG_INFO }, { "debug", LOG_DEBUG }, { "all", LOG_DEBUG },
    };
    for (size_t i = 0; i < ARRAY_SIZE(names); i++)
        if (!strcmp(s, names[i].name)) {
            *lvl = names[i].lvl;
            return 0;
        }
    return -1;
}

static void emit(const char *s, size_t n)
{
    serial_write(s, n);
    for (size_t i = 0; i < n; i++)
        ring[ring_prod++ & (RING_SIZE - 1)] = s[i];
}

size_t console_ring_read(char *buf, size_t size, size_t *pos)
{
    size_t n = 0, start = *pos;

    spin_lock(&console_lock);
    if (ring_prod - start > RING_SIZE)
        start = ring_prod - RING_SIZE;
    while (start + n < ring_prod && n < size) {
        buf[n] = ring[(start + n) & (RING_SIZE - 1)];
        n++;
    }
    *pos = start + n;
    spin_unlock(&console_lock);
    return n;
}

static void vlog(enum log_level lvl, const char *prefix, const char *fmt,
                 va_list ap)
{
    char line[LINE_MAX];
    int len;
    uint64_t ns = clock_ns ? clock_ns() : 0;

    if (lvl > log_threshold)
        return;
    len = snformat(line, sizeof(line), "(hv) [%5lu.%06lu] %s",
                   (unsigned long)(ns / 1000000000),
                   (unsigned long)(ns / 1000 % 1000000), prefix);
    if (len < (int)sizeof(line))
        len += vsnformat(line + len, sizeof(line) - len, fmt, ap);
    if (len >= (int)sizeof(line) - 1)
        len = sizeof(line) - 2;
    if (line[len - 1] != '\n')
        line[len++] = '\n';

    spin_lock(&console_lock);
    emit(line, len);
    spin_unlock(&console_lock);
}

void hv_log(enum log_level lvl, const char *fmt, ...)
{
    va_list ap;

    va_start(ap, fmt);
    vlog(lvl, "", fmt, ap);
    va_end(ap);
}

void console_guest_write(const char *tag, const char *buf, size_t n)
{
    static bool at_line_start = true;

    spin_lock(&console_lock);
    for (size_t i = 0; i < n; i++) {
        if (at_line_start && tag && *tag)
            emit(tag, strlen(tag));
        emit(&buf[i], 1);
        at_line_start = buf[i] == '\n';
    }
    spin_unlock(&console_lock);
}

void panic(const char *fmt, ...)
{
    va_list ap;

    local_irq_disable();
    log_threshold = LOG_DEBUG;
    va_start(ap, fmt);
    vlog(LOG_ERR, "PANIC: ", fmt, ap);
    va_end(ap);
    for (;;)
        halt();
}

static void vguest_log(const struct vcpu *v, const char *fmt, va_list ap)
{
    char prefix[32];
    struct domain *d = v->domain;

    if (d->nr_gerr_lines >= GERR_BURST) {
        if (d->nr_gerr_lines++ == GERR_BURST)
            hv_log(LOG_DEBUG, "d%uv%u: further errors not logged",
                   d->domain_id, v->vcpu_id);
        return;
    }
    d->nr_gerr_lines++;
    snformat(prefix, sizeof(prefix), "d%uv%u ", d->domain_id, v->vcpu_id);
    vlog(LOG_DEBUG, prefix, fmt, ap);
}

long gerr(const struct vcpu *v, long err, const char *fmt, ...)
{
    va_list ap;

    va_start(ap, fmt);
    vguest_log(v, fmt, ap);
    va_end(ap);
    return err;
}

void gdebug(const struct vcpu *v, const char *fmt, ...)
{
    va_list ap;

    va_start(ap, fmt);
    vguest_log(v, fmt, ap);
    va_end(ap);
}
