/* SPDX-License-Identifier: MIT */
/*
 * The PV domU builder bound to hypercalls, for privileged guest-kit
 * kernels: the same builder code the host toolstack uses, with dom0's
 * foreign mappings as its window onto the new domain's frames.
 */
#include "gk/build.h"

#include <string.h>

#include "abi/errno.h"
#include "abi/memory.h"
#include "abi/mmu.h"
#include "abi/sched.h"
#include "gk/boot.h"
#include "gk/control.h"
#include "gk/events.h"
#include "gk/hypercall.h"
#include "gk/mm.h"
#include "gk/pagetable.h"
#include "gk/x86.h"

/* Scratch slots for foreign mappings: clear of those gk/mm.h uses. */
#define FOREIGN_FIRST_SLOT (GK_MM_NR_SLOTS - 12)
#define FOREIGN_NR_SLOTS   8

static uint8_t foreign_busy[FOREIGN_NR_SLOTS];

/* MA of the boot-map L1 entry that maps va. */
static uint64_t l1_entry_ma(uint64_t va)
{
    uint64_t pte[4];

    if (gk_pt_walk(va, pte) < 3)
        return 0;
    return (pte[1] & PTE_ADDR_MASK) + ((va >> PAGE_SHIFT) & 511) * 8;
}

void *gk_foreign_map(unsigned int id, uint64_t mfn, int writable, long *rc)
{
    struct mmu_update req;
    unsigned int i;
    uint64_t va;

    for (i = 0; i < FOREIGN_NR_SLOTS && foreign_busy[i]; i++)
        ;
    if (i == FOREIGN_NR_SLOTS) {
        *rc = -XEN_EBUSY;
        return NULL;
    }
    va = gk_mm_slot_va(FOREIGN_FIRST_SLOT + i);
    req.ptr = l1_entry_ma(va) | MMU_NORMAL_PT_UPDATE;
    req.val = (mfn << PAGE_SHIFT) | (writable ? GK_PT_DATA : GK_PT_RO);
    *rc = HYPERVISOR_mmu_update(&req, 1, NULL, id);
    if (*rc)
        return NULL;
    foreign_busy[i] = 1;
    return (void *)va;
}

void gk_foreign_unmap(void *va)
{
    uint64_t first = gk_mm_slot_va(FOREIGN_FIRST_SLOT);
    unsigned int i = ((uint64_t)va - first) / PAGE_SIZE;

    if (i >= FOREIGN_NR_SLOTS || !foreign_busy[i])
        return;
    HYPERVISOR_update_va_mapping((uint64_t)va, 0, UVMF_INVLPG);
    foreign_busy[i] = 0;
}

static long domctl_on(unsigned int id, unsigned int cmd,
                      struct xen_domctl *op)
{
    op->cmd = cmd;
    op->domain = id;
    return gk_domctl(op);
}

long gk_domain_pause(unsigned int id)
{
    struct xen_domctl op = { 0 };

    return domctl_on(id, XEN_DOMCTL_pausedomain, &op);
}

long gk_domain_unpause(unsigned int id)
{
    struct xen_domctl op = { 0 };

    return domctl_on(id, XEN_DOMCTL_unpausedomain, &op);
}

long gk_domain_max_mem(unsigned int id, uint64_t kib)
{
    struct xen_domctl op = { 0 };

    op.u.max_mem.max_memkb = kib;
    return domctl_on(id, XEN_DOMCTL_max_mem, &op);
}

long gk_domain_set_vcpu_context(unsigned int id, unsigned int vcpu,
                                const struct vcpu_guest_context *c)
{
    struct xen_domctl op = { 0 };

    op.u.vcpucontext.vcpu = vcpu;
    op.u.vcpucontext.ctxt = (uint64_t)c;
    return domctl_on(id, XEN_DOMCTL_setvcpucontext, &op);
}

long gk_domain_populate(unsigned int id, uint64_t nr, uint64_t *mfns)
{
    struct xen_memory_reservation r = {
        .extent_start = (uint64_t)mfns, .nr_extents = nr, .domid = id,
    };
    long done;

    for (uint64_t i = 0; i < nr; i++)
        mfns[i] = i;
    done = HYPERVISOR_memory_op(XENMEM_populate_physmap, &r);
    if (done < 0)
        return done;
    return (uint64_t)done == nr ? 0 : -XEN_ENOMEM;
}

long gk_evtchn_alloc_unbound_in(uint16_t dom, uint16_t remote)
{
    struct evtchn_alloc_unbound a = { .dom = dom, .remote_dom = remote };
    long rc = HYPERVISOR_event_channel_op(EVTCHNOP_alloc_unbound, &a);

    return rc ? rc : a.port;
}

long gk_poll_port(evtchn_port_t port, uint64_t deadline)
{
    uint32_t ports[1] = { port };
    struct sched_poll p = { .ports = (uint64_t)ports, .nr_ports = 1,
                            .timeout = deadline };

    return HYPERVISOR_sched_op(SCHEDOP_poll, &p);
}

const void *gk_boot_module(size_t *size)
{
    *size = gk_start_info->mod_len;
    return gk_start_info->mod_start ? (const void *)gk_start_info->mod_start
                                    : NULL;
}

/* ------------------------------------------------------------ builder ops */

/*
 * The builder's P2M list and vCPU context: a static arena, freed in the
 * reverse order of allocation (the builder frees that way).
 */
static uint8_t arena[256 * 1024] __attribute__((aligned(PAGE_SIZE)));
static size_t arena_top;

static void *arena_alloc(void *ctx, size_t size)
{
    size_t at = (arena_top + 15) & ~(size_t)15;

    if (size > sizeof(arena) - at)
        return NULL;
    arena_top = at + size;
    memset(arena + at, 0, size);
    return arena + at;
}

static void arena_free(void *ctx, void *p)
{
    if (p && (uint8_t *)p >= arena && (uint8_t *)p < arena + arena_top)
        arena_top = (uint8_t *)p - arena;
}

static int op_populate(void *ctx, uint64_t nr, uint64_t *mfns)
{
    return (int)gk_domain_populate(*(unsigned int *)ctx, nr, mfns);
}

/* Why the last map failed: the builder only sees NULL. */
static long map_rc;

static void *op_map(void *ctx, uint64_t mfn)
{
    return gk_foreign_map(*(unsigned int *)ctx, mfn, 1, &map_rc);
}

static void op_unmap(void *ctx, void *va)
{
    gk_foreign_unmap(va);
}

static int op_pin_l4(void *ctx, uint64_t mfn)
{
    struct mmuext_op op = { .cmd = MMUEXT_PIN_L4_TABLE };

    op.arg1.mfn = mfn;
    return (int)HYPERVISOR_mmuext_op(&op, 1, NULL, *(unsigned int *)ctx);
}

static int op_set_context(void *ctx, const struct vcpu_guest_context *c)
{
    return (int)gk_domain_set_vcpu_context(*(unsigned int *)ctx, 0, c);
}

static const struct pvb_ops gk_build_ops = {
    .populate = op_populate, .map = op_map, .unmap = op_unmap,
    .pin_l4 = op_pin_l4, .set_vcpu_context = op_set_context,
    .alloc = arena_alloc, .free = arena_free,
};

/*
 * Start every vCPU with upcalls masked. Xen 4.17 leaves this to the
 * domain builder (a fresh domU's vcpu_info has evtchn_upcall_mask 0 there),
 * and a kernel that has not registered its event callback yet is crashed
 * by the first event it is sent, e.g. the one bind_interdomain raises.
 */
static long mask_upcalls(unsigned int id, uint64_t shared_info_mfn)
{
    struct shared_info *si;
    long rc;

    si = gk_foreign_map(id, shared_info_mfn, 1, &rc);
    if (!si)
        return rc;
    for (unsigned int i = 0; i < XEN_LEGACY_MAX_VCPUS; i++)
        si->vcpu_info[i].evtchn_upcall_mask = 1;
    gk_foreign_unmap(si);
    return 0;
}

/* Everything after createdomain; the caller destroys on failure. */
static long build(struct gk_domu *d, const void *kernel, size_t size,
                  const char *cmdline, const char **why)
{
    struct xen_domctl_getdomaininfo info;
    struct pvb_config cfg;
    long rc;

    rc = gk_domain_max_vcpus(d->id, 1);
    if (rc)
        return *why = "max_vcpus", rc;
    rc = gk_domain_max_mem(d->id, d->nr_pages * 4);
    if (rc)
        return *why = "max_mem", rc;
    rc = gk_domain_info(d->id, &info);
    if (rc)
        return *why = "getdomaininfo", rc;
    rc = gk_evtchn_alloc_unbound_in(d->id, 0);
    if (rc < 0)
        return *why = "alloc_unbound (xenstore)", rc;
    d->store_port = rc;
    rc = gk_evtchn_alloc_unbound_in(d->id, 0);
    if (rc < 0)
        return *why = "alloc_unbound (console)", rc;
    d->console_port = rc;

    cfg = (struct pvb_config){
        .kernel = kernel, .kernel_size = size, .cmdline = cmdline,
        .nr_pages = d->nr_pages, .shared_info_mfn = info.shared_info_frame,
        .store_evtchn = d->store_port, .console_evtchn = d->console_port,
    };
    map_rc = 0;
    rc = pvb_build(&gk_build_ops, &d->id, &cfg, &d->image, why);
    if (rc)
        return rc == -XEN_EFAULT && map_rc ? map_rc : rc;
    rc = mask_upcalls(d->id, info.shared_info_frame);
    return rc ? (*why = "mapping shared_info", rc) : 0;
}

long gk_domu_build(struct gk_domu *d, const void *kernel, size_t size,
                   uint64_t nr_pages, const char *cmdline, const char **why)
{
    long rc;

    memset(d, 0, sizeof(*d));
    d->nr_pages = nr_pages;
    *why = "createdomain";
    rc = gk_domain_create(1);
    if (rc < 0)
        return rc;
    d->id = rc;
    rc = build(d, kernel, size, cmdline, why);
    if (rc)
        gk_domain_destroy(d->id);
    return rc;
}
