/* SPDX-License-Identifier: MIT */
/*
 * hv's console: timestamped log lines on the serial port, a ring of recent
 * output (for `hvctl dmesg`), and the one-line guest-error log.
 */
#ifndef HV_CONSOLE_CONSOLE_H
#define HV_CONSOLE_CONSOLE_H

#include <hv/compiler.h>
#include <hv/types.h>

enum log_level { LOG_ERR, LOG_WARN, LOG_INFO, LOG_DEBUG };

/* Set the threshold: lines above it are dropped ("all" = LOG_DEBUG). */
void console_set_level(enum log_level lvl);
/* Parse a loglvl= value: none/error/warning/info/debug/all. */
int console_parse_level(const char *s, enum log_level *lvl);

/* One log line from hv itself: "(hv) [  s.us] text". */
void hv_log(enum log_level lvl, const char *fmt, ...) __printf(2, 3);
#define printk(...) hv_log(LOG_INFO, __VA_ARGS__)

/* Raw bytes a guest wrote with console_io, prefixed per line with tag. */
void console_guest_write(const char *tag, const char *buf, size_t n);

/* Copy up to size bytes of the console ring; returns bytes copied. */
size_t console_ring_read(char *buf, size_t size, size_t *pos);

void __noreturn panic(const char *fmt, ...) __printf(1, 2);

struct vcpu;
/*
 * gerr: log why guest v's request failed (rate-limited, debug level) and
 * return err, so a handler can `return gerr(v, -EINVAL, "...")`.
 */
long gerr(const struct vcpu *v, long err, const char *fmt, ...) __printf(3, 4);
void gdebug(const struct vcpu *v, const char *fmt, ...) __printf(2, 3);

/* Nanoseconds for timestamps; set once the TSC is calibrated. */
void console_set_clock(uint64_t (*now_ns)(void));

#endif
