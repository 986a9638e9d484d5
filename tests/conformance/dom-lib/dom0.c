/* SPDX-License-Identifier: MIT */
/* Driving a test domU from the dom0 test kernel. */
#include "dom0.h"

#include <format.h>
#include <stdarg.h>
#include <string.h>

#include "abi/errno.h"
#include "abi/sched.h"
#include "gk/control.h"
#include "gk/events.h"
#include "gk/hv.h"
#include "gk/test.h"
#include "gk/time.h"

#define MS 1000000ULL

evtchn_port_t dom_exc_port(void)
{
    static long port;

    if (!port) {
        port = gk_evtchn_bind_virq(VIRQ_DOM_EXC, 0);
        if (port <= 0)
            test_error("bind_virq(VIRQ_DOM_EXC): %ld", port);
        gk_evtchn_mask(port);
    }
    return port;
}

/*
 * Building needs populate_physmap for the domU, mmu_update with it as
 * foreign domain, a foreign L4 pin and setvcpucontext: where hv refuses
 * one of them the test cannot run there yet.
 */
static void build_failed(long rc, const char *why)
{
    if (!gk_on_xen() && (rc == -XEN_EPERM || rc == -XEN_ENOSYS ||
                         rc == -XEN_ESRCH))
        test_skip("hv cannot build a domU yet: %s: %ld (%s)", why, rc,
                  gk_errno_name(rc));
    test_error("building the domU: %s: %ld (%s)", why, rc,
               gk_errno_name(rc));
}

void dom_start(struct dom_run *r, uint64_t nr_pages, const char *cmdline)
{
    const char *why = "";
    const void *kernel;
    size_t size;
    long rc;

    memset(r, 0, sizeof(*r));
    dom_exc_port();
    kernel = gk_boot_module(&size);
    if (!kernel)
        test_error("no domU kernel: the runner passes it as a module");
    r->t_start = gk_system_time();
    rc = gk_domu_build(&r->d, kernel, size, nr_pages, cmdline, &why);
    if (rc)
        build_failed(rc, why);
    r->t_built = gk_system_time();
    r->ring = gk_foreign_map(r->d.id, r->d.image.console_mfn, 1, &rc);
    if (!r->ring)
        test_error("mapping d%u's console page: %ld", r->d.id, rc);
    rc = gk_evtchn_bind_interdomain(r->d.id, r->d.console_port);
    if (rc <= 0)
        test_error("bind_interdomain to d%u port %u: %ld", r->d.id,
                   r->d.console_port, rc);
    r->con_local = rc;
    gk_evtchn_mask(r->con_local);
}

void dom_unpause(struct dom_run *r)
{
    long rc = gk_domain_unpause(r->d.id);

    if (rc)
        test_error("unpausedomain d%u: %ld", r->d.id, rc);
}

static void take_line(struct dom_run *r)
{
    char *l = r->line;

    gk_printf("d%u: %s\n", r->d.id, l);
    if (!strncmp(l, "ok ", 3))
        r->nr_ok++;
    else if (!strncmp(l, "FAIL ", 5))
        r->nr_fail++;
    else if (!strncmp(l, "done", 4))
        r->done = true;
    else if (!strncmp(l, "main ", 5)) {
        uint64_t t = 0;

        for (l += 5; *l >= '0' && *l <= '9'; l++)
            t = t * 10 + (uint64_t)(*l - '0');
        r->t_main = t;
    }
}

void dom_pump(struct dom_run *r)
{
    char buf[256];
    size_t n;

    while ((n = dom_ring_get(r->ring, buf, sizeof(buf))) > 0)
        for (size_t i = 0; i < n; i++) {
            if (buf[i] == '\n' || r->line_len == sizeof(r->line) - 1) {
                r->line[r->line_len] = 0;
                take_line(r);
                r->line_len = 0;
            }
            if (buf[i] != '\n')
                r->line[r->line_len++] = buf[i];
        }
}

static bool is_shutdown(struct dom_run *r, unsigned int *reason)
{
    struct xen_domctl_getdomaininfo info;

    if (gk_domain_info(r->d.id, &info))
        return false;
    if (reason)
        *reason = (info.flags >> XEN_DOMINF_shutdownshift) &
                  XEN_DOMINF_shutdownmask;
    return info.flags & XEN_DOMINF_shutdown;
}

/* Sleep until the console port or VIRQ_DOM_EXC fires, at most 10 ms. */
static void nap(struct dom_run *r)
{
    uint32_t ports[2] = { r->con_local, dom_exc_port() };
    struct sched_poll p = { .ports = (uint64_t)ports, .nr_ports = 2,
                            .timeout = gk_system_time() + 10 * MS };

    HYPERVISOR_sched_op(SCHEDOP_poll, &p);
    gk_evtchn_clear(r->con_local);
}

bool dom_wait_line(struct dom_run *r, const char *prefix,
                   unsigned int timeout_ms)
{
    uint64_t end = gk_system_time() + timeout_ms * MS;
    size_t n = strlen(prefix);

    for (;;) {
        char *l = r->line;
        char buf[1];

        /* Line by line, so the caller sees the one it waits for. */
        while (dom_ring_get(r->ring, buf, 1)) {
            if (buf[0] != '\n' && r->line_len < sizeof(r->line) - 1) {
                r->line[r->line_len++] = buf[0];
                continue;
            }
            r->line[r->line_len] = 0;
            r->line_len = 0;
            take_line(r);
            if (!strncmp(l, prefix, n))
                return true;
        }
        if (is_shutdown(r, NULL) || gk_system_time() > end)
            return false;
        nap(r);
    }
}

const char *dom_do(struct dom_run *r, const char *fmt, ...)
{
    char cmd[160];
    va_list ap;
    size_t n, done = 0;
    uint64_t end = gk_system_time() + 1000 * MS;

    va_start(ap, fmt);
    n = (size_t)vsnformat(cmd, sizeof(cmd) - 1, fmt, ap);
    va_end(ap);
    if (n > sizeof(cmd) - 2)
        n = sizeof(cmd) - 2;
    gk_printf("to d%u: %.*s\n", r->d.id, (int)n, cmd);
    cmd[n++] = '\n';
    while (done < n) {
        done += dom_ring_put_in(r->ring, cmd + done, n - done);
        gk_evtchn_send(r->con_local);
        if (done < n && gk_system_time() > end)
            test_error("d%u does not take its commands", r->d.id);
    }
    if (!dom_wait_line(r, "did", 5000))
        test_error("d%u did not carry out \"%.*s\"", r->d.id,
                   (int)n - 1, cmd);
    return r->line + (r->line[3] ? 4 : 3);
}

uint64_t dom_arg(const char **s)
{
    const char *p = *s;
    uint64_t v = 0;
    int base = 10;

    while (*p == ' ')
        p++;
    if (p[0] == '0' && p[1] == 'x') {
        base = 16;
        p += 2;
    }
    for (;; p++) {
        int d = *p >= '0' && *p <= '9' ? *p - '0'
              : base == 16 && *p >= 'a' && *p <= 'f' ? *p - 'a' + 10 : -1;

        if (d < 0)
            break;
        v = v * base + (uint64_t)d;
    }
    *s = p;
    return v;
}

bool dom_wait_shutdown(struct dom_run *r, unsigned int timeout_ms,
                       unsigned int *reason)
{
    uint64_t end = gk_system_time() + timeout_ms * MS;

    for (;;) {
        dom_pump(r);
        if (is_shutdown(r, reason)) {
            dom_pump(r);
            return true;
        }
        if (gk_system_time() > end)
            return false;
        nap(r);
    }
}

void dom_stop(struct dom_run *r)
{
    long rc;

    if (r->ring)
        gk_foreign_unmap(r->ring);
    r->ring = NULL;
    if (r->con_local)
        gk_evtchn_close(r->con_local);
    r->con_local = 0;
    rc = gk_domain_destroy(r->d.id);
    if (rc)
        test_error("destroydomain d%u: %ld", r->d.id, rc);
}

long dom_free_pages_settled(long want)
{
    long now = gk_free_pages();

    /* Xen frees a dead domain's last frames after an RCU grace period:
     * sleep in 2 ms steps for up to 2 s. */
    for (int i = 0; i < 1000 && now != want; i++) {
        uint32_t ports[1] = { dom_exc_port() };
        struct sched_poll p = { .ports = (uint64_t)ports, .nr_ports = 1,
                                .timeout = gk_system_time() + 2 * MS };

        gk_evtchn_clear(ports[0]);
        HYPERVISOR_sched_op(SCHEDOP_poll, &p);
        now = gk_free_pages();
    }
    return now;
}

void dom_check_reports(struct dom_run *r, unsigned int min_ok)
{
    check(r->done, "d%u never said done", r->d.id);
    check_eq(r->nr_fail, 0, "checks the domU failed");
    check(r->nr_ok >= min_ok, "d%u reported %u checks, want >= %u",
          r->d.id, r->nr_ok, min_ok);
}
