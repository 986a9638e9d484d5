/* SPDX-License-Identifier: MIT */
/*
 * The domU the dom-* and hostile-dom-* tests build: one kernel, its job
 * picked by the first word of its command line. It reports through its
 * console ring (ring.h) and never prints a result line of its own: only
 * the dom0 test kernel does.
 *   hello NR_PAGES          check the boot image from inside, shut down
 *   shutdown REASON         shut down with SHUTDOWN_<REASON>
 *   count                   bump the counter forever
 *   ping N                  answer N events on the console port
 *   flood N                 send N events on the console port, shut down
 *   hostile DOM0_MFN DOM0_L4 DOM0_PORT  privileged and foreign calls
 *   grant                   carry out dom0's commands (domu-grant.c)
 */
#include <format.h>
#include <stdarg.h>
#include <string.h>

#include "abi/console-io.h"
#include "abi/errno.h"
#include "abi/memory.h"
#include "abi/sched.h"
#include "gk/boot.h"
#include "gk/control.h"
#include "gk/events.h"
#include "gk/hypercall.h"
#include "gk/mm.h"
#include "gk/pagetable.h"
#include "gk/shutdown.h"
#include "gk/time.h"
#include "gk/traps.h"
#include "gk/x86.h"
#include "ring.h"
#include "domu-hostile.h"
#include "domu-grant.h"

static struct dom_ring *ring;
static evtchn_port_t con_port;
static unsigned int nr_failed;

void domu_report(const char *fmt, ...)
{
    char line[200];
    va_list ap;
    size_t n, done = 0;

    va_start(ap, fmt);
    n = (size_t)vsnformat(line, sizeof(line) - 1, fmt, ap);
    va_end(ap);
    if (n > sizeof(line) - 2)
        n = sizeof(line) - 2;
    line[n++] = '\n';
    while (done < n) {
        done += dom_ring_put(ring, line + done, n - done);
        gk_evtchn_send(con_port);
        if (done < n)
            HYPERVISOR_sched_op(SCHEDOP_yield, NULL);
    }
}

void domu_check(int ok, const char *fmt, ...)
{
    char what[160];
    va_list ap;

    va_start(ap, fmt);
    vsnformat(what, sizeof(what), fmt, ap);
    va_end(ap);
    if (!ok)
        nr_failed++;
    domu_report("%s %s", ok ? "ok" : "FAIL", what);
}

static void finish(unsigned int reason) __attribute__((noreturn));
static void finish(unsigned int reason)
{
    domu_report("done %u failed", nr_failed);
    gk_shutdown(reason);
}

/* Parse an unsigned decimal or 0x-hex word; *s moves past it. */
static uint64_t word_u64(const char **s)
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
        v = v * base + d;
    }
    *s = p;
    return v;
}

static int word_is(const char **s, const char *w)
{
    size_t n = strlen(w);

    if (strncmp(*s, w, n) || ((*s)[n] && (*s)[n] != ' '))
        return 0;
    *s += n;
    return 1;
}

/* The boot image as seen from inside (reference §2.2-§2.4). */
static void hello(const char *args)
{
    const struct start_info *si = gk_start_info;
    uint64_t nr = word_u64(&args), pfn, bad = 0;
    const uint64_t *p2m = (const uint64_t *)si->mfn_list;
    const uint8_t *store;

    domu_check(!strcmp(si->magic, START_INFO_MAGIC), "magic %s", si->magic);
    domu_check(si->nr_pages == nr, "nr_pages %lu (want %lu)", si->nr_pages,
               nr);
    domu_check(si->flags == 0, "flags %#x (want 0: not privileged)",
               si->flags);
    domu_check(gk_shared_info != NULL, "shared_info at MA %#lx mapped",
               si->shared_info);
    /* The builder's job on Xen: see mask_upcalls in guest-kit build.c. */
    domu_check(gk_shared_info &&
               gk_shared_info->vcpu_info[0].evtchn_upcall_mask == 1,
               "vCPU 0 starts with upcalls masked");
    for (pfn = 0; pfn < si->nr_pages; pfn++)
        bad += gk_m2p[p2m[pfn]] != pfn;
    domu_check(!bad, "P2M and M2P agree on %lu pages (%lu differ)",
               si->nr_pages, bad);
    pfn = gk_m2p[si->store_mfn];
    domu_check(pfn < si->nr_pages && (pfn << PAGE_SHIFT) ==
               si->mfn_list + ((si->nr_pages * 8 + 4095) & ~4095UL) + 4096,
               "xenstore page at pfn %#lx follows start_info", pfn);
    domu_check(gk_m2p[si->console.domU.mfn] == pfn + 1,
               "console page right after it");
    store = (const uint8_t *)(pfn << PAGE_SHIFT);
    bad = 0;
    for (unsigned int i = 0; i < 4096; i++)
        bad |= store[i];
    domu_check(!bad, "xenstore page zeroed");
    domu_check(si->pt_base == (pfn + 2) << PAGE_SHIFT,
               "pt_base %#lx after the console page", si->pt_base);
    domu_check(!gk_mm_try_write(si->pt_base, *(uint64_t *)si->pt_base),
               "the L4 is mapped read-only");
    domu_check(gk_boot_regs.rsi == (uint64_t)si, "rsi = start_info");
    domu_check(gk_boot_regs.rsp == si->pt_base +
               (si->nr_pt_frames + 1) * PAGE_SIZE,
               "rsp %#lx = top of the stack page after the tables",
               gk_boot_regs.rsp);
    domu_check(gk_boot_regs.cs == FLAT_KERNEL_CS && gk_boot_regs.ss ==
               FLAT_KERNEL_SS, "cs %#lx ss %#lx", gk_boot_regs.cs,
               gk_boot_regs.ss);
    domu_check(gk_boot_regs.rflags & 0x200, "rflags %#lx has IF",
               gk_boot_regs.rflags);
    domu_check(si->store_evtchn && si->console.domU.evtchn &&
               si->store_evtchn != si->console.domU.evtchn,
               "store port %u, console port %u", si->store_evtchn,
               si->console.domU.evtchn);
    domu_check(HYPERVISOR_console_io(CONSOLEIO_read, 16, (char[16]){ 0 }) <
               0, "console_io read refused");
}

/* Wait for an event on our console port (masked, so polled). */
static void wait_event(void)
{
    while (!gk_evtchn_is_pending(con_port)) {
        uint32_t ports[1] = { con_port };
        struct sched_poll p = { .ports = (uint64_t)ports, .nr_ports = 1 };

        HYPERVISOR_sched_op(SCHEDOP_poll, &p);
    }
    gk_evtchn_clear(con_port);
}

void domu_receive(char *line, size_t size)
{
    size_t n = 0;
    char c;

    for (;;) {
        while (dom_ring_get_in(ring, &c, 1)) {
            if (c == '\n') {
                line[n] = 0;
                return;
            }
            if (n < size - 1)
                line[n++] = c;
        }
        wait_event();
    }
}

int main(void)
{
    const char *args = (const char *)gk_start_info->cmd_line;
    const struct start_info *si = gk_start_info;
    uint64_t n;

    con_port = si->console.domU.evtchn;
    ring = (struct dom_ring *)(gk_m2p[si->console.domU.mfn] << PAGE_SHIFT);
    gk_evtchn_mask(con_port);
    domu_report("main %lu", gk_system_time());

    if (word_is(&args, "hello")) {
        hello(args);
        finish(SHUTDOWN_poweroff);
    } else if (word_is(&args, "shutdown")) {
        n = word_u64(&args);
        domu_report("done 0 failed");
        gk_shutdown((unsigned int)n);
    } else if (word_is(&args, "count")) {
        for (;;)
            (*dom_ring_counter(ring))++;
    } else if (word_is(&args, "ping")) {
        n = word_u64(&args);
        for (uint64_t i = 0; i < n; i++) {
            wait_event();
            gk_evtchn_send(con_port);
        }
        finish(SHUTDOWN_poweroff);
    } else if (word_is(&args, "flood")) {
        uint64_t bad = 0;

        n = word_u64(&args);
        for (uint64_t i = 0; i < n; i++)
            bad += gk_evtchn_send(con_port) != 0;
        domu_check(!bad, "%lu sends, %lu refused", n, bad);
        finish(SHUTDOWN_poweroff);
    } else if (word_is(&args, "hostile")) {
        domu_hostile(args);
        finish(SHUTDOWN_poweroff);
    } else if (word_is(&args, "grant")) {
        domu_grant();
        finish(SHUTDOWN_poweroff);
    }
    domu_check(0, "unknown job \"%s\"", args);
    finish(SHUTDOWN_crash);
}
