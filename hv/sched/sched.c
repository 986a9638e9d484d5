/* SPDX-License-Identifier: MIT */
/*
 * Weighted fair scheduling of vCPUs on one physical CPU, with a per-CPU
 * design: each CPU has its own run list, slice timer and idle loop. hv has
 * one stack per CPU, so a vCPU switch is a copy of the guest frame at the
 * stack top, plus the state that lives in the CPU (cr3, bases, GDT, FPU).
 */
#include "sched/sched.h"
#include "arch/x86/cpu-init.h"
#include "arch/x86/cpu.h"
#include "arch/x86/page.h"
#include "console/console.h"
#include "domain/domain.h"
#include "hypercall/guest-copy.h"
#include "time/time.h"
#include "time/timer.h"
#include "time/vcpu-time.h"
#include "mm/mm-env.h"
#include "sched/vcpu-timers.h"

#define MAX_RUNQ 256

struct runq {
    struct vcpu *vcpus[MAX_RUNQ];
    unsigned int nr;
    unsigned int next;         /* round-robin cursor */
    bool need_resched;
    struct timer slice_timer;
};

static struct runq runqs[NR_CPUS];

static struct runq *this_runq(void)
{
    return &runqs[get_cpu_info()->cpu_id];
}

static void slice_expired(void *data)
{
    ((struct runq *)data)->need_resched = true;
}

void sched_init(void)
{
    for (unsigned int i = 0; i < NR_CPUS; i++)
        timer_init(&runqs[i].slice_timer, slice_expired, &runqs[i]);
}

/* Account the time spent in the old state and enter a new one. */
static void runstate_change(struct vcpu *v, enum vcpu_state new)
{
    uint64_t now = time_now_ns();
    struct vcpu_runstate_info *rs = &v->runstate;

    rs->time[rs->state & 3] += now - rs->state_entry_time;
    rs->state = new;
    rs->state_entry_time = now;
    v->state = new;
}

void sched_add_vcpu(struct vcpu *v)
{
    struct runq *rq = &runqs[v->processor];

    if (rq->nr == MAX_RUNQ)
        panic("run queue of CPU %u full", v->processor);
    rq->vcpus[rq->nr++] = v;
    v->runstate.state_entry_time = time_now_ns();
    v->runstate.state = v->state;
}

void sched_remove_vcpu(struct vcpu *v)
{
    struct runq *rq = &runqs[v->processor];

    for (unsigned int i = 0; i < rq->nr; i++)
        if (rq->vcpus[i] == v) {
            rq->vcpus[i] = rq->vcpus[--rq->nr];
            return;
        }
}

static uint64_t min_vtime(const struct runq *rq, const struct vcpu *v);

void vcpu_wake(struct vcpu *v)
{
    if (v->state != VCPU_BLOCKED)
        return;
    vcpu_stop_poll(v);
    /*
     * A sleeper's vtime stood still: let it be at most one slice ahead of
     * the others, not run until it catches up with them.
     */
    if (min_vtime(&runqs[v->processor], v) > v->vtime + SCHED_SLICE_NS)
        v->vtime = min_vtime(&runqs[v->processor], v) - SCHED_SLICE_NS;
    runstate_change(v, VCPU_RUNNABLE);
    runqs[v->processor].need_resched = true;
}

void vcpu_online(struct vcpu *v)
{
    if (v->state == VCPU_OFFLINE)
        runstate_change(v, VCPU_RUNNABLE);
    runqs[v->processor].need_resched = true;
}

void vcpu_stop_poll(struct vcpu *v)
{
    v->polling = false;
    stop_timer(&v->poll_timer);
}

void vcpu_kick(struct vcpu *v)
{
    vcpu_wake(v);
}

void vcpu_poll_wake(struct vcpu *v, unsigned int port)
{
    if (!v->polling)
        return;
    for (unsigned int i = 0; i < v->nr_poll_ports; i++)
        if (v->poll_ports[i] == port) {
            vcpu_wake(v);
            return;
        }
}

void vcpu_block_current(void)
{
    struct vcpu *v = current_vcpu();

    runstate_change(v, VCPU_BLOCKED);
    vcpu_timers_schedule_out(v);
    this_runq()->need_resched = true;
}

void sched_yield_current(void)
{
    this_runq()->need_resched = true;
}

/*
 * Fairness by virtual time: running for t ns adds t * 256 / weight to a
 * vCPU's vtime, and the runnable vCPU with the least vtime runs next, so
 * CPU time divides in proportion to the domains' weights.
 */
static unsigned int weight_of(const struct vcpu *v)
{
    return v->domain->sched_weight ? v->domain->sched_weight
                                   : SCHED_DEFAULT_WEIGHT;
}

static void charge(struct vcpu *v, uint64_t now)
{
    if (!v->run_start)
        return;
    v->vtime += (now - v->run_start) * SCHED_DEFAULT_WEIGHT / weight_of(v);
    v->run_start = 0;
}

static bool can_run(const struct vcpu *v)
{
    return (v->state == VCPU_RUNNABLE || v->state == VCPU_RUNNING) &&
           !v->domain->is_shutting_down && !v->domain->pause_count;
}

/* Least vtime wins; on a tie, the one after the round-robin cursor. */
static struct vcpu *pick_next(struct runq *rq, struct vcpu *prev)
{
    struct vcpu *best = NULL;
    unsigned int best_i = 0;

    for (unsigned int i = 0; i < rq->nr; i++) {
        struct vcpu *v = rq->vcpus[(rq->next + i) % rq->nr];

        if (can_run(v) && (!best || v->vtime < best->vtime)) {
            best = v;
            best_i = i;
        }
    }
    if (best)
        rq->next = (rq->next + best_i + 1) % rq->nr;
    return best;
}

/* The least vtime among vCPUs that can run, other than v (or v's own). */
static uint64_t min_vtime(const struct runq *rq, const struct vcpu *v)
{
    uint64_t min = v->vtime;

    for (unsigned int i = 0; i < rq->nr; i++)
        if (rq->vcpus[i] != v && can_run(rq->vcpus[i]) &&
            rq->vcpus[i]->vtime < min)
            min = rq->vcpus[i]->vtime;
    return min;
}

static void fpu_save(struct vcpu *v)
{
    /* hv itself never uses the FPU: it still holds the guest's state. */
    clts();
    __asm__ __volatile__("fxsave64 %0" : "=m"(v->fpu_area));
    v->fpu_saved = true;
}

static void fpu_restore(struct vcpu *v)
{
    clts();
    if (v->fpu_saved)
        __asm__ __volatile__("fxrstor64 %0" ::"m"(v->fpu_area));
    else
        __asm__ __volatile__("fninit");
    if (v->fpu_ts)
        write_cr0(read_cr0() | X86_CR0_TS);
}

static void context_switch(struct cpu_info *ci, struct vcpu *prev,
                           struct vcpu *next)
{
    if (prev) {
        prev->regs = ci->guest_regs;
        if (prev->state == VCPU_RUNNING)
            runstate_change(prev, VCPU_RUNNABLE);
        vcpu_timers_schedule_out(prev);
        runstate_publish(prev);
        fpu_save(prev);
    }
    ci->guest_regs = next->regs;
    ci->current = next;
    write_cr3((next->in_kernel ? next->guest_table : next->guest_table_user)
              << PAGE_SHIFT);
    /*
     * Guest user mappings are global (as on Xen), so a cr3 write keeps
     * them: entering another domain's address space needs a full flush,
     * or it could use the previous domain's translations.
     */
    if (!prev || prev->domain != next->domain)
        mm_flush_tlb();
    wrmsr(MSR_FS_BASE, next->fs_base);
    wrmsr(MSR_GS_BASE, next->in_kernel ? next->gs_base_kernel
                                       : next->gs_base_user);
    cpu_load_guest_gdt(ci->cpu_id, next);
    cpu_load_guest_ldt(ci->cpu_id, next);
    fpu_restore(next);
    runstate_change(next, VCPU_RUNNING);
    runstate_publish(next);
    vcpu_time_publish(next);
    vcpu_timers_schedule_in(next);
}

/* Nothing to run: halt until an interrupt makes something runnable. */
static struct vcpu *idle_until_runnable(struct runq *rq, struct vcpu *prev)
{
    struct vcpu *next;

    if (prev && !can_run(prev))
        runstate_publish(prev);     /* the guest may watch itself block */
    while (!(next = pick_next(rq, prev))) {
        rq->need_resched = false;
        __asm__ __volatile__("sti; hlt; cli" ::: "memory");
    }
    return next;
}

void sched_maybe_switch(void)
{
    struct cpu_info *ci = get_cpu_info();
    struct runq *rq = &runqs[ci->cpu_id];
    struct vcpu *prev = ci->current, *next;

    if (!rq->need_resched && prev && prev->state == VCPU_RUNNING)
        return;
    rq->need_resched = false;
    if (prev)
        charge(prev, time_now_ns());
    next = idle_until_runnable(rq, prev);
    if (next != prev)
        context_switch(ci, prev, next);
    else if (next->state != VCPU_RUNNING) {
        runstate_change(next, VCPU_RUNNING);
        runstate_publish(next);
        vcpu_timers_schedule_in(next);
    }
    next->run_start = time_now_ns();
    set_timer(&rq->slice_timer, next->run_start + SCHED_SLICE_NS);
}
