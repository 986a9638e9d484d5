/* SPDX-License-Identifier: MIT */
/* Domain and vCPU lifetime: creation, lookup, shutdown and crash. */
#include "domain/domain.h"
#include "arch/x86/page.h"
#include "arch/x86/platform.h"
#include "console/console.h"
#include "event/event.h"
#include "mm/frame.h"
#include "pv/dump.h"
#include "sched/sched.h"
#include "sched/vcpu-timers.h"
#include "time/vcpu-time.h"

#include <abi/memory.h>
#include <abi/sched.h>
#include <hv/compiler.h>
#include <string.h>

#define MAX_DOMAINS 64

struct domain *dom0;
static struct domain *domains[MAX_DOMAINS];

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
    /* vCPU 0 starts runnable; the others wait for VCPUOP_up. */
    v->state = id == 0 ? VCPU_RUNNABLE : VCPU_OFFLINE;
    vcpu_timers_init(v);
    vcpu_time_publish(v);
    return v;
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
    /* Every vCPU starts with events masked (reference §2.3). */
    for (unsigned int i = 0; i < XEN_LEGACY_MAX_VCPUS; i++)
        d->shared_info->vcpu_info[i].evtchn_upcall_mask = 1;

    for (unsigned int i = 0; i < nr_vcpus; i++) {
        d->vcpu[i] = vcpu_create(d, i);
        if (!d->vcpu[i])
            panic("out of memory creating d%u's vCPUs", id);
    }
    d->nr_vcpus = nr_vcpus;
    if (evtchn_domain_init(d))
        panic("out of memory creating d%u's event channels", id);
    wallclock_publish(d);
    domains[id] = d;
    if (id == 0)
        dom0 = d;
    return d;
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

    d->is_shutting_down = true;
    for (unsigned int i = 0; i < d->nr_vcpus; i++) {
        vcpu_set_periodic(d->vcpu[i], 0);
        vcpu_set_singleshot(d->vcpu[i], 0);
    }
    sched_yield_current();
    printk("d%u: shutdown (%s)", d->domain_id,
           reason <= SHUTDOWN_MAX ? names[reason] : "unknown");
    if (d != dom0)
        return;
    /* dom0 going away ends the machine, as on a Xen host. */
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
