/* SPDX-License-Identifier: MIT */
/* Domain and vCPU lifetime: creation, lookup, shutdown and crash. */
#include "domain/domain.h"
#include "hypercall/hc-stats.h"
#include "arch/x86/page.h"
#include "arch/x86/platform.h"
#include "console/console.h"
#include "event/event.h"
#include "grant/grant.h"
#include "mm/domain-frames.h"
#include "mm/frame.h"
#include "pv/dump.h"
#include "domain/vcpu-context.h"
#include "sched/sched.h"
#include "sched/vcpu-timers.h"
#include "time/vcpu-time.h"

#include <abi/event-channel.h>
#include <abi/memory.h>
#include <abi/sched.h>
#include <hv/compiler.h>
#include <hv/errno.h>
#include <string.h>

struct domain *dom0;
struct domain *domain_table[MAX_DOMAINS];
#define domains domain_table

static unsigned long pages_for(size_t bytes)
{
    return ALIGN_UP(bytes, PAGE_SIZE) / PAGE_SIZE;
}

static struct vcpu *vcpu_create(struct domain *d, unsigned int id)
{
    struct vcpu *v = hv_alloc_pages(pages_for(sizeof(*v)));

    if (!v)
        return NULL;
    v->domain = d;
    v->vcpu_id = id;
    v->in_kernel = true;
    v->guest_table = INVALID_MFN;
    v->guest_table_user = INVALID_MFN;
    v->vcpu_info = &d->shared_info->vcpu_info[id];
    v->vcpu_info->evtchn_upcall_mask = 1;
    v->vcpu_info_mfn = INVALID_MFN;
    /* Offline until it has a context (the builder, setvcpucontext). */
    v->state = VCPU_OFFLINE;
    vcpu_timers_init(v);
    vcpu_time_publish(v);
    sched_add_vcpu(v);
    return v;
}

static void vcpu_destroy(struct vcpu *v)
{
    vcpu_set_periodic(v, 0);
    vcpu_set_singleshot(v, 0);
    vcpu_stop_poll(v);
    sched_remove_vcpu(v);
    hv_free_pages(v, pages_for(sizeof(*v)));
}

struct domain *domain_create(domid_t id, uint32_t flags,
                             unsigned int nr_vcpus)
{
    struct domain *d;

    if (id >= MAX_DOMAINS || domains[id] || !nr_vcpus ||
        nr_vcpus > MAX_VIRT_CPUS)
        return NULL;
    d = hv_alloc_pages(pages_for(sizeof(*d)));
    if (!d)
        return NULL;
    d->domain_id = id;
    d->flags = flags;
    d->shared_info_mfn = frame_alloc(id, 1);
    if (d->shared_info_mfn == INVALID_MFN) {
        hv_free_pages(d, pages_for(sizeof(*d)));
        return NULL;
    }
    d->shared_info = mfn_to_virt(d->shared_info_mfn);
    mfn_to_page(d->shared_info_mfn)->count_info |= PGC_hv_shared;
    /* Every vCPU starts with events masked (reference §2.3). */
    for (unsigned int i = 0; i < XEN_LEGACY_MAX_VCPUS; i++)
        d->shared_info->vcpu_info[i].evtchn_upcall_mask = 1;

    for (unsigned int i = 0; i < nr_vcpus; i++) {
        d->vcpu[i] = vcpu_create(d, i);
        if (!d->vcpu[i])
            goto fail;
        d->nr_vcpus = i + 1;
    }
    if (evtchn_domain_init(d))
        goto fail;
    if (grant_domain_init(d)) {
        evtchn_domain_destroy(d);
        goto fail;
    }
    wallclock_publish(d);
    domains[id] = d;
    if (id == 0)
        dom0 = d;
    return d;

fail:
    for (unsigned int i = 0; i < d->nr_vcpus; i++)
        vcpu_destroy(d->vcpu[i]);
    frame_free(d->shared_info_mfn, 1);
    hv_free_pages(d, pages_for(sizeof(*d)));
    return NULL;
}

void domain_pause(struct domain *d)
{
    d->pause_count++;
    sched_yield_current();
}

int domain_unpause(struct domain *d)
{
    if (!d->pause_count)
        return -EINVAL;
    if (--d->pause_count == 0)
        sched_yield_current();
    return 0;
}

void domain_destroy(struct domain *d)
{
    unsigned long freed, kept;

    d->is_dying = true;
    /* Ports first: a send racing with teardown must not find a freed vCPU. */
    evtchn_domain_destroy(d);
    /* Tables refer to each other: drop cr3s and pins so counts can reach 0. */
    for (unsigned int i = 0; i < d->nr_vcpus; i++)
        vcpu_release_tables(d->vcpu[i]);
    domain_unpin_all(d->domain_id);
    /* Before the memory: pins hold references on d's frames. */
    grant_domain_destroy(d);
    for (unsigned int i = 0; i < d->nr_vcpus; i++)
        vcpu_destroy(d->vcpu[i]);
    domain_release_frames(d->domain_id, &freed, &kept);
    domains[d->domain_id] = NULL;
    printk("d%u: destroyed, %lu frames freed%s", d->domain_id, freed,
           kept ? " (some still referenced elsewhere)" : "");
    hv_free_pages(d, pages_for(sizeof(*d)));
}

struct domain *domain_lookup(domid_t id)
{
    return id < MAX_DOMAINS ? domains[id] : NULL;
}

void domain_shutdown(struct domain *d, unsigned int reason)
{
    static const char *const names[] = {
        "poweroff", "reboot", "suspend", "crash", "watchdog", "soft_reset",
    };

    if (d->is_shutting_down)
        return;
    d->is_shutting_down = true;
    d->shutdown_reason = reason;
    for (unsigned int i = 0; i < d->nr_vcpus; i++) {
        vcpu_set_periodic(d->vcpu[i], 0);
        vcpu_set_singleshot(d->vcpu[i], 0);
    }
    sched_yield_current();
    printk("d%u: shutdown (%s)", d->domain_id,
           reason <= SHUTDOWN_MAX ? names[reason] : "unknown");
    if (d != dom0) {
        /* Tell the toolstack's domain: it reaps or restarts d. */
        if (dom0)
            evtchn_send_virq(dom0->vcpu[0], VIRQ_DOM_EXC);
        return;
    }
    /* dom0 going away ends the machine, as on a Xen host. */
    hc_stats_print();
    switch (reason) {
    case SHUTDOWN_poweroff:
        machine_power_off();
    case SHUTDOWN_reboot:
    case SHUTDOWN_crash:
    case SHUTDOWN_watchdog:
        machine_reboot();
    default:
        machine_halt();
    }
}

void domain_crash(struct domain *d, const char *why)
{
    struct vcpu *v = current_vcpu();

    hv_log(LOG_ERR, "d%u crashed: %s", d->domain_id, why);
    if (v && v->domain == d)
        dump_guest_regs(v, &get_cpu_info()->guest_regs);
    domain_shutdown(d, SHUTDOWN_crash);
}
