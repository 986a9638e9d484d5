/* SPDX-License-Identifier: MIT */
/*
 * An unprivileged domU goes after what is not its own: every privileged
 * hypercall (-EACCES for a wrong interface version first, then -EPERM),
 * memory and events of dom0, and dom0's frames through every mapping
 * path. Each refusal is one check line to dom0.
 */
#include "domu-hostile.h"

#include <string.h>

#include "abi/console-io.h"
#include "abi/errno.h"
#include "abi/memory.h"
#include "abi/mmu.h"
#include "abi/sched.h"
#include "gk/control.h"
#include "gk/events.h"
#include "gk/hv.h"
#include "gk/hypercall.h"
#include "gk/mm.h"
#include "gk/pagetable.h"
#include "gk/x86.h"

#define CHECK_RC(call, want, what)                                          \
    do {                                                                    \
        long rc_ = (call);                                                  \
        domu_check(rc_ == (want), "%s: %ld (%s), want %s", (what), rc_,     \
                   gk_errno_name(rc_), gk_errno_name(want));                \
    } while (0)

#define CHECK_REFUSED(call, what)                                           \
    do {                                                                    \
        long rc_ = (call);                                                  \
        domu_check(rc_ < 0, "%s refused: %ld (%s)", (what), rc_,            \
                   gk_errno_name(rc_));                                     \
    } while (0)

static uint64_t word(const char **s)
{
    const char *p = *s;
    uint64_t v = 0;

    while (*p == ' ')
        p++;
    if (p[0] == '0' && p[1] == 'x')
        p += 2;
    for (;; p++) {
        int d = *p >= '0' && *p <= '9' ? *p - '0'
              : *p >= 'a' && *p <= 'f' ? *p - 'a' + 10 : -1;

        if (d < 0)
            break;
        v = v * 16 + d;
    }
    *s = p;
    return v;
}

static long raw_domctl(struct xen_domctl *op, uint32_t version)
{
    op->interface_version = version;
    return gk_hypercall5(__HYPERVISOR_domctl, (unsigned long)op, 0, 0, 0, 0);
}

static long raw_sysctl(struct xen_sysctl *op, uint32_t version)
{
    op->interface_version = version;
    return gk_hypercall5(__HYPERVISOR_sysctl, (unsigned long)op, 0, 0, 0, 0);
}

static void privileged_calls(void)
{
    static const uint32_t cmds[] = {
        XEN_DOMCTL_createdomain, XEN_DOMCTL_destroydomain,
        XEN_DOMCTL_pausedomain, XEN_DOMCTL_unpausedomain,
        XEN_DOMCTL_getdomaininfo, XEN_DOMCTL_max_mem,
        XEN_DOMCTL_setvcpucontext, XEN_DOMCTL_getvcpucontext,
        XEN_DOMCTL_max_vcpus, XEN_DOMCTL_setdomainhandle,
        XEN_DOMCTL_settimeoffset,
    };
    struct xen_domctl d;
    struct xen_sysctl s;
    char buf[16];

    for (unsigned int i = 0; i < sizeof(cmds) / sizeof(cmds[0]); i++) {
        memset(&d, 0, sizeof(d));
        d.cmd = cmds[i];
        CHECK_RC(raw_domctl(&d, XEN_DOMCTL_INTERFACE_VERSION - 1),
                 -XEN_EACCES, "domctl (old version)");
        memset(&d, 0, sizeof(d));
        d.cmd = cmds[i];
        d.domain = 0;
        CHECK_RC(raw_domctl(&d, XEN_DOMCTL_INTERFACE_VERSION), -XEN_EPERM,
                 "domctl on d0");
    }
    memset(&s, 0, sizeof(s));
    s.cmd = XEN_SYSCTL_physinfo;
    CHECK_RC(raw_sysctl(&s, XEN_SYSCTL_INTERFACE_VERSION + 1), -XEN_EACCES,
             "sysctl physinfo (new version)");
    CHECK_RC(raw_sysctl(&s, XEN_SYSCTL_INTERFACE_VERSION), -XEN_EPERM,
             "sysctl physinfo");
    s.cmd = XEN_SYSCTL_getdomaininfolist;
    CHECK_RC(raw_sysctl(&s, XEN_SYSCTL_INTERFACE_VERSION), -XEN_EPERM,
             "sysctl getdomaininfolist");
    s.cmd = XEN_SYSCTL_readconsole;
    CHECK_RC(raw_sysctl(&s, XEN_SYSCTL_INTERFACE_VERSION), -XEN_EPERM,
             "sysctl readconsole");
    CHECK_RC(HYPERVISOR_console_io(CONSOLEIO_read, sizeof(buf), buf),
             -XEN_EPERM, "console_io read");
}

/*
 * Xen 4.17 answers a reservation op for a domain the caller may not touch
 * with "0 extents done", hv with -EPERM: either way nothing may happen
 * (dom0 checks its own page count and frame afterwards).
 */
#define CHECK_NOTHING_DONE(call, what)                                      \
    do {                                                                    \
        long rc_ = (call);                                                  \
        domu_check(rc_ == 0 || rc_ == -XEN_EPERM, "%s: %ld (%s), want 0 "  \
                   "or -EPERM", (what), rc_, gk_errno_name(rc_));          \
    } while (0)

static void memory_of_dom0(uint64_t dom0_mfn)
{
    uint64_t frame = 0x100;
    struct xen_memory_reservation r = {
        .extent_start = (uint64_t)&frame, .nr_extents = 1, .domid = 0,
    };

    CHECK_NOTHING_DONE(HYPERVISOR_memory_op(XENMEM_increase_reservation, &r),
                       "increase_reservation for d0");
    CHECK_NOTHING_DONE(HYPERVISOR_memory_op(XENMEM_populate_physmap, &r),
                       "populate_physmap for d0");
    frame = dom0_mfn;
    CHECK_NOTHING_DONE(HYPERVISOR_memory_op(XENMEM_decrease_reservation, &r),
                       "decrease_reservation of d0's frame");
    r.domid = DOMID_SELF;
    CHECK_RC(HYPERVISOR_memory_op(XENMEM_decrease_reservation, &r), 0,
             "decrease_reservation of d0's frame as ours (none done)");
}

static void sched_and_events(void)
{
    struct sched_remote_shutdown rs = { .domain_id = 0,
                                        .reason = SHUTDOWN_poweroff };
    struct evtchn_alloc_unbound a = { .dom = 0, .remote_dom = 0 };
    struct evtchn_status st = { .dom = 0, .port = 1 };

    CHECK_RC(HYPERVISOR_sched_op(SCHEDOP_remote_shutdown, &rs), -XEN_EPERM,
             "remote_shutdown of d0");
    CHECK_RC(HYPERVISOR_event_channel_op(EVTCHNOP_alloc_unbound, &a),
             -XEN_EPERM, "alloc_unbound in d0");
    CHECK_RC(HYPERVISOR_event_channel_op(EVTCHNOP_status, &st), -XEN_EPERM,
             "evtchn status of d0's port");
    CHECK_REFUSED(gk_evtchn_bind_interdomain(0, 1),
                  "bind_interdomain to d0's port 1");
}

/* dom0's frames through every mapping path we have. */
static void frames_of_dom0(uint64_t dom0_mfn, uint64_t dom0_l4)
{
    uint64_t va = gk_mm_slot_va(0), pte[4] = { 0 }, l1;
    struct mmu_update u;
    struct mmuext_op op = { .cmd = MMUEXT_PIN_L4_TABLE };

    CHECK_REFUSED(HYPERVISOR_update_va_mapping(va, (dom0_mfn << PAGE_SHIFT) |
                                               GK_PT_RO, UVMF_INVLPG),
                  "update_va_mapping of d0's frame");
    CHECK_REFUSED(HYPERVISOR_update_va_mapping_otherdomain(
                      va, (dom0_mfn << PAGE_SHIFT) | GK_PT_RO, UVMF_INVLPG,
                      0),
                  "update_va_mapping_otherdomain of d0's frame");
    gk_pt_walk(va, pte);
    l1 = pte[1] & PTE_ADDR_MASK;
    u.ptr = (l1 + ((va >> PAGE_SHIFT) & 511) * 8) | MMU_NORMAL_PT_UPDATE;
    u.val = (dom0_mfn << PAGE_SHIFT) | GK_PT_RO;
    CHECK_REFUSED(HYPERVISOR_mmu_update(&u, 1, NULL, DOMID_SELF),
                  "mmu_update mapping d0's frame as ours");
    CHECK_REFUSED(HYPERVISOR_mmu_update(&u, 1, NULL, 0),
                  "mmu_update mapping d0's frame with foreigndom d0");
    u.ptr = (dom0_mfn << PAGE_SHIFT) | MMU_NORMAL_PT_UPDATE;
    u.val = 0;
    CHECK_REFUSED(HYPERVISOR_mmu_update(&u, 1, NULL, DOMID_SELF),
                  "mmu_update writing into d0's frame");
    u.ptr = (dom0_l4 << PAGE_SHIFT) | MMU_NORMAL_PT_UPDATE;
    CHECK_REFUSED(HYPERVISOR_mmu_update(&u, 1, NULL, DOMID_SELF),
                  "mmu_update of d0's L4");
    u.ptr = (dom0_mfn << PAGE_SHIFT) | MMU_MACHPHYS_UPDATE;
    u.val = 5;
    CHECK_REFUSED(HYPERVISOR_mmu_update(&u, 1, NULL, DOMID_SELF),
                  "MMU_MACHPHYS_UPDATE of d0's frame");
    op.arg1.mfn = dom0_l4;
    CHECK_REFUSED(HYPERVISOR_mmuext_op(&op, 1, NULL, DOMID_SELF),
                  "pin of d0's L4");
    CHECK_REFUSED(HYPERVISOR_mmuext_op(&op, 1, NULL, 0),
                  "pin of d0's L4 with foreigndom d0");
    op.cmd = MMUEXT_NEW_BASEPTR;
    CHECK_REFUSED(HYPERVISOR_mmuext_op(&op, 1, NULL, DOMID_SELF),
                  "NEW_BASEPTR to d0's L4");
    op.cmd = MMUEXT_COPY_PAGE;
    op.arg1.mfn = gk_mm_va_to_mfn(gk_mm_slot_va(1));
    op.arg2.src_mfn = dom0_mfn;
    CHECK_REFUSED(HYPERVISOR_mmuext_op(&op, 1, NULL, DOMID_SELF),
                  "COPY_PAGE from d0's frame");
    op.cmd = MMUEXT_CLEAR_PAGE;
    op.arg1.mfn = dom0_mfn;
    CHECK_REFUSED(HYPERVISOR_mmuext_op(&op, 1, NULL, DOMID_SELF),
                  "CLEAR_PAGE of d0's frame");
}

void domu_hostile(const char *args)
{
    uint64_t dom0_mfn = word(&args), dom0_l4 = word(&args);

    privileged_calls();
    memory_of_dom0(dom0_mfn);
    sched_and_events();
    frames_of_dom0(dom0_mfn, dom0_l4);
}
