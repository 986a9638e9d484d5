/* SPDX-License-Identifier: MIT */
/*
 * The "grant" job: a domU that shares, maps and copies pages with other
 * domains as dom0 tells it, one command line at a time (domu_receive),
 * each answered by check lines and one "did <result>" line. Numbers are
 * decimal (a leading - allowed) or 0x-hex. Give it more than 2048 pages
 * (gk_mm_alloc takes frames above 8 MiB).
 *   offer D RO          grant our page (0x5a bytes) to D -> REF MFN
 *   unbound D           alloc_unbound for D -> PORT
 *   bind D PORT         bind_interdomain to D's PORT -> our PORT
 *   map D REF FLAGS ST  map_grant_ref at MAP_VA, status ST wanted -> HANDLE
 *   write BYTE OK       fill the mapping with BYTE (OK: may it be written),
 *                       then notify our port
 *   unmap ST            unmap the last handle at MAP_VA
 *   wait                an event on our port within 2 s
 *   expect W OFF LEN B  bytes OFF..OFF+LEN of W (0 our page, 1 the
 *                       mapping, 2 the copy buffer) are all B
 *   revoke REF RC       gk_grant_end_access(REF) returns RC
 *   copy D REF OFF LEN ST    copy LEN bytes of 0xc3 from our buffer
 *                            to D's REF at OFF
 *   copyin D REF OFF LEN ST  copy LEN bytes of D's REF at OFF into our
 *                            buffer at OFF
 *   direct MFN          map frame MFN without a grant: refused
 *   end                 shut down
 */
#include "domu-grant.h"

#include <string.h>

#include "abi/errno.h"
#include "abi/grant-table.h"
#include "abi/memory.h"
#include "abi/mmu.h"
#include "gk/events.h"
#include "gk/build.h"
#include "gk/grant.h"
#include "gk/hv.h"
#include "gk/hypercall.h"
#include "gk/mm.h"
#include "gk/pagetable.h"
#include "gk/time.h"
#include "domu-hostile.h"

#define PAGE_SLOT 28   /* our page, granted */
#define BUF_SLOT 29    /* copies land here and leave from here */
#define MAP_SLOT 30    /* grant mappings */
#define PROBE_SLOT 31  /* direct mapping attempts */

static uint64_t page_mfn, buf_mfn;
static evtchn_port_t port;
static uint32_t handle;

static long arg(const char **s)
{
    const char *p = *s;
    long v = 0, sign = 1;
    int base = 10;

    while (*p == ' ')
        p++;
    if (*p == '-') {
        sign = -1;
        p++;
    }
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
    return sign * v;
}

static int cmd_is(const char **s, const char *w)
{
    size_t n = strlen(w);

    if (strncmp(*s, w, n) || ((*s)[n] && (*s)[n] != ' '))
        return 0;
    *s += n;
    return 1;
}

static uint8_t *which_va(long w)
{
    return (uint8_t *)gk_mm_slot_va(w == 0 ? PAGE_SLOT
                                    : w == 1 ? MAP_SLOT : BUF_SLOT);
}

static void offer(const char *a)
{
    long d = arg(&a), ro = arg(&a), ref, rc;

    if (!page_mfn) {
        rc = gk_grant_init(1);
        domu_check(rc == 0, "grant table set up: %ld", rc);
        page_mfn = gk_mm_alloc();
        memset(gk_mm_map_or_die(PAGE_SLOT, page_mfn, GK_PT_DATA), 0x5a,
               4096);
    }
    ref = gk_grant_access((uint16_t)d, page_mfn, ro);
    domu_check(ref >= GNTTAB_NR_RESERVED_ENTRIES, "grant to d%ld: ref %ld",
               d, ref);
    domu_report("did %ld %#lx", ref, page_mfn);
}

static void map(const char *a)
{
    long d = arg(&a), ref = arg(&a), flags = arg(&a), want = arg(&a);
    struct gnttab_map_grant_ref m = {
        .host_addr = gk_mm_slot_va(MAP_SLOT), .flags = (uint32_t)flags,
        .ref = (uint32_t)ref, .dom = (uint16_t)d, .status = 99,
    };
    long rc = gk_grant_map(&m);

    domu_check(rc == 0 && m.status == want, "map d%ld ref %ld flags %#lx: "
               "rc %ld status %d, want %ld", d, ref, flags, rc, m.status,
               want);
    if (m.status == GNTST_okay)
        handle = m.handle;
    domu_report("did %u", m.handle);
}

static void unmap(const char *a)
{
    long want = arg(&a);
    struct gnttab_unmap_grant_ref u = {
        .host_addr = gk_mm_slot_va(MAP_SLOT), .handle = handle,
        .status = 99,
    };
    long rc = gk_grant_unmap(&u);

    domu_check(rc == 0 && u.status == want, "unmap handle %u: rc %ld "
               "status %d, want %ld", handle, rc, u.status, want);
    domu_report("did");
}

static void write(const char *a)
{
    long byte = arg(&a), want = arg(&a);
    uint64_t va = gk_mm_slot_va(MAP_SLOT), q = 0x0101010101010101UL * byte;
    bool ok = gk_mm_try_write(va, q);

    domu_check(ok == !!want, "write to the mapping %s",
               ok ? "went through" : "faulted");
    if (ok)
        memset((void *)va, (int)byte, 4096);
    if (port)
        gk_evtchn_send(port);
    domu_report("did");
}

static void wait(void)
{
    uint64_t end = gk_system_time() + 2000000000ULL;

    while (!gk_evtchn_is_pending(port) && gk_system_time() < end)
        gk_poll_port(port, end);
    domu_check(gk_evtchn_is_pending(port), "event on port %u", port);
    gk_evtchn_clear(port);
    domu_report("did");
}

static void expect(const char *a)
{
    long w = arg(&a), off = arg(&a), len = arg(&a), byte = arg(&a);
    const volatile uint8_t *p = which_va(w);
    long bad = -1;

    for (long i = off; i < off + len && i < 4096; i++)
        if (p[i] != byte) {
            bad = i;
            break;
        }
    domu_check(bad < 0, "bytes %ld..%ld of %ld are %#lx (byte %ld: %#x)",
               off, off + len - 1, w, byte, bad, bad < 0 ? 0 : p[bad]);
    domu_report("did");
}

static void copy(const char *a, bool in)
{
    long d = arg(&a), ref = arg(&a), off = arg(&a), len = arg(&a);
    long want = arg(&a), rc;
    struct gnttab_copy c;

    if (in)
        gk_grant_copy_op(&c, true, ref, d, off, false, buf_mfn, DOMID_SELF,
                         off, len);
    else
        gk_grant_copy_op(&c, false, buf_mfn, DOMID_SELF, off, true, ref, d,
                         off, len);
    rc = gk_grant_copy(&c);
    domu_check(rc == 0 && c.status == want, "copy %s d%ld ref %ld off %ld "
               "len %ld: rc %ld status %d, want %ld", in ? "from" : "to", d,
               ref, off, len, rc, c.status, want);
    domu_report("did");
}

/* frame mfn is not ours: no way to map it without a grant. */
static void direct(const char *a)
{
    uint64_t mfn = arg(&a), va = gk_mm_slot_va(PROBE_SLOT), pte[4] = { 0 };
    struct mmu_update u;
    long rc;

    gk_pt_walk(va, pte);
    u.ptr = ((pte[1] & PTE_ADDR_MASK) + ((va >> PAGE_SHIFT) & 511) * 8) |
            MMU_NORMAL_PT_UPDATE;
    for (int rw = 0; rw < 2; rw++) {
        u.val = (mfn << PAGE_SHIFT) | (rw ? GK_PT_DATA : GK_PT_RO);
        rc = HYPERVISOR_mmu_update(&u, 1, NULL, DOMID_SELF);
        domu_check(rc < 0, "mmu_update mapping frame %#lx %s: %ld (%s)", mfn,
                   rw ? "rw" : "ro", rc, gk_errno_name(rc));
        rc = HYPERVISOR_update_va_mapping(va, u.val, UVMF_INVLPG);
        domu_check(rc < 0, "update_va_mapping of frame %#lx %s: %ld (%s)",
                   mfn, rw ? "rw" : "ro", rc, gk_errno_name(rc));
    }
    domu_check(gk_mm_va_to_mfn(va) != mfn, "the slot does not map it");
    domu_report("did");
}

void domu_grant(void)
{
    char line[160];
    const char *a;
    long rc;

    buf_mfn = gk_mm_alloc();
    memset(gk_mm_map_or_die(BUF_SLOT, buf_mfn, GK_PT_DATA), 0xc3, 4096);
    for (;;) {
        domu_receive(line, sizeof(line));
        a = line;
        if (cmd_is(&a, "end")) {
            domu_report("did");
            return;
        }
        if (cmd_is(&a, "offer")) {
            offer(a);
        } else if (cmd_is(&a, "unbound")) {
            rc = gk_evtchn_alloc_unbound((uint16_t)arg(&a));
            domu_check(rc > 0, "alloc_unbound: %ld", rc);
            port = rc > 0 ? rc : 0;
            domu_report("did %u", port);
        } else if (cmd_is(&a, "bind")) {
            long d = arg(&a);

            rc = gk_evtchn_bind_interdomain((uint16_t)d, arg(&a));
            domu_check(rc > 0, "bind_interdomain: %ld", rc);
            port = rc > 0 ? rc : 0;
            domu_report("did %u", port);
        } else if (cmd_is(&a, "map")) {
            map(a);
        } else if (cmd_is(&a, "unmap")) {
            unmap(a);
        } else if (cmd_is(&a, "write")) {
            write(a);
        } else if (cmd_is(&a, "wait")) {
            wait();
        } else if (cmd_is(&a, "expect")) {
            expect(a);
        } else if (cmd_is(&a, "revoke")) {
            long ref = arg(&a), want = arg(&a);

            rc = gk_grant_end_access((uint32_t)ref);
            domu_check(rc == want, "end access of ref %ld: %ld, want %ld",
                       ref, rc, want);
            domu_report("did");
        } else if (cmd_is(&a, "copy")) {
            copy(a, false);
        } else if (cmd_is(&a, "copyin")) {
            copy(a, true);
        } else if (cmd_is(&a, "direct")) {
            direct(a);
        } else {
            domu_check(0, "unknown command \"%s\"", line);
            domu_report("did");
        }
    }
}
