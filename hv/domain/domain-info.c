/* SPDX-License-Identifier: MIT */
/* Filling xen_domctl_getdomaininfo from a domain's state. */
#include "domain/domain-info.h"
#include "domain/domain.h"
#include "mm/domain-frames.h"

#include <string.h>

void domain_get_info(const struct domain *d,
                     struct xen_domctl_getdomaininfo *info)
{
    bool any_running = false, all_blocked = true;
    uint64_t cpu_time = 0;
    unsigned int online = 0;

    memset(info, 0, sizeof(*info));
    for (unsigned int i = 0; i < d->nr_vcpus; i++) {
        const struct vcpu *v = d->vcpu[i];

        if (v->state == VCPU_OFFLINE)
            continue;
        online++;
        any_running |= v->state == VCPU_RUNNING ||
                       v->state == VCPU_RUNNABLE;
        all_blocked &= v->state == VCPU_BLOCKED;
        cpu_time += v->runstate.time[RUNSTATE_running];
    }
    info->domain = d->domain_id;
    info->flags = (d->is_dying ? XEN_DOMINF_dying : 0) |
                  (d->pause_count ? XEN_DOMINF_paused : 0) |
                  (online && all_blocked ? XEN_DOMINF_blocked : 0) |
                  (any_running && !d->pause_count ? XEN_DOMINF_running : 0);
    if (d->is_shutting_down)
        info->flags |= XEN_DOMINF_shutdown |
                       ((uint32_t)d->shutdown_reason << XEN_DOMINF_shutdownshift);
    info->tot_pages = domain_count_frames(d->domain_id);
    info->max_pages = d->max_pages;
    info->shared_info_frame = d->shared_info_mfn;
    info->cpu_time = cpu_time;
    info->nr_online_vcpus = online;
    info->max_vcpu_id = d->vcpus_confirmed ? d->nr_vcpus - 1
                                           : XEN_INVALID_MAX_VCPU_ID;
    memcpy(info->handle, d->handle, sizeof(info->handle));
    info->gpaddr_bits = 52;
}
