/* SPDX-License-Identifier: MIT */
/*
 * Publishing time with the version protocol (reference §9): version odd
 * while fields change, barriers around them, so a guest reading between
 * two equal even versions has a consistent record.
 */
#include "time/vcpu-time.h"
#include "arch/x86/cpu.h"
#include "console/console.h"
#include "domain/domain.h"
#include "hypercall/guest-copy.h"
#include "time/rtc.h"
#include "time/time.h"

#include <abi/vm-assist.h>

static uint64_t wc_base_ns;     /* wall time at system time 0 */

void wallclock_init(void)
{
    uint64_t unix_now = rtc_read_unix();

    wc_base_ns = unix_now * 1000000000ULL - time_now_ns();
    printk("time: wall clock %lu s since the epoch",
           (unsigned long)unix_now);
}

static void wmb(void)
{
    __atomic_thread_fence(__ATOMIC_RELEASE);
}

void vcpu_time_publish(struct vcpu *v)
{
    struct vcpu_time_info *t = &v->vcpu_info->time;
    struct tsc_scale s = time_scale();
    uint64_t tsc = rdtsc();

    t->version = (t->version + 1) | 1;
    wmb();
    t->tsc_timestamp = tsc;
    t->system_time = tsc_scale_delta(tsc - time_boot_tsc(), s);
    t->tsc_to_system_mul = s.mul;
    t->tsc_shift = s.shift;
    t->flags = 0;
    wmb();
    t->version++;
    /* The registered copy is best effort: the guest may have unmapped it. */
    if (v->time_guest)
        (void)copy_to_guest(v->time_guest, t, sizeof(*t));
}

void wallclock_publish(struct domain *d)
{
    struct shared_info *si = d->shared_info;
    uint64_t base = wc_base_ns + (uint64_t)(d->time_offset * 1000000000LL);

    si->wc_version = (si->wc_version + 1) | 1;
    wmb();
    si->wc_sec = (uint32_t)(base / 1000000000ULL);
    si->wc_sec_hi = (uint32_t)((base / 1000000000ULL) >> 32);
    si->wc_nsec = (uint32_t)(base % 1000000000ULL);
    wmb();
    si->wc_version++;
}

void runstate_publish(struct vcpu *v)
{
    struct vcpu_runstate_info rs = v->runstate;
    bool flag = v->domain->vm_assist &
                (1UL << VMASST_TYPE_runstate_update_flag);
    uint64_t entry = v->runstate_guest +
                     __builtin_offsetof(struct vcpu_runstate_info,
                                        state_entry_time);

    if (!v->runstate_guest || v != current_vcpu())
        return;
    if (flag) {
        uint64_t marked = rs.state_entry_time | XEN_RUNSTATE_UPDATE;

        (void)copy_to_guest(entry, &marked, sizeof(marked));
        wmb();
    }
    (void)copy_to_guest(v->runstate_guest, &rs, sizeof(rs));
}
