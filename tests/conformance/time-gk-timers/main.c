/* SPDX-License-Identifier: MIT */
/*
 * Pins guest-kit's timers (gk/timer.h) on set_timer_op and VIRQ_TIMER:
 * with the periodic timer stopped no VIRQ_TIMER arrives while no timer
 * is armed; 12 timers at scattered deadlines (one of them re-armed, two
 * cancelled) run in deadline order, never before their deadline and
 * each once; cancelled ones never run; gk_sleep without threads blocks
 * the vCPU in SCHEDOP_block (runstate blocked time grows) and returns
 * no earlier than asked. Lateness is only bounded loosely (1 s, a lost
 * timer): under QEMU on a loaded host both hypervisors are sometimes
 * tens of milliseconds late.
 */
#include "abi/vcpu.h"
#include "gk/events.h"
#include "gk/hypercall.h"
#include "gk/test.h"
#include "gk/timer.h"

GK_TEST_INFO("time-gk-timers", "one-shot timers and gk_sleep");

#define MS 1000000ULL
#define NR 12

static struct gk_timer timers[NR];
static uint64_t deadline[NR], fired_at[NR];
static unsigned int nr_fired[NR], order[NR], nr_done;

static void on_timer(struct gk_timer *t, void *data)
{
    unsigned int i = (unsigned int)(uintptr_t)data;

    (void)t;
    fired_at[i] = gk_now();
    nr_fired[i]++;
    if (nr_done < NR)
        order[nr_done++] = i;
}

int main(void)
{
    struct gk_timer_stats s0, s1;
    struct vcpu_runstate_info r0, r1;
    uint64_t t0, last = 0, worst = 0;
    unsigned int flags;

    check_rc(gk_timer_init(), 0, "timers");

    /* Tickless: nothing armed, nothing arrives for 50 ms. */
    gk_timer_get_stats(&s0);
    t0 = gk_now();
    while (gk_now() < t0 + 50 * MS)
        ;
    gk_timer_get_stats(&s1);
    check_eq(s1.nr_virqs - s0.nr_virqs, 0, "VIRQ_TIMER with no timer armed");

    /*
     * Arm, re-arm and cancel with events masked: no callback may run
     * before the set-up is complete, however slow the host.
     */
    flags = gk_local_irq_save();
    t0 = gk_now();
    for (unsigned int i = 0; i < NR; i++) {
        deadline[i] = t0 + ((i * 7) % NR + 1) * 3 * MS;
        gk_timer_setup(&timers[i], on_timer, (void *)(uintptr_t)i);
        gk_timer_set(&timers[i], deadline[i]);
    }
    deadline[0] += 10 * MS;                   /* re-armed later */
    gk_timer_set(&timers[0], deadline[0]);
    check(gk_timer_cancel(&timers[3]), "cancel of a pending timer");
    check(gk_timer_cancel(&timers[8]), "cancel of a pending timer");
    check(!gk_timer_cancel(&timers[8]), "second cancel");
    gk_local_irq_restore(flags);
    while (gk_now() < t0 + 100 * MS)
        gk_sleep(5 * MS);

    for (unsigned int i = 0; i < NR; i++) {
        if (i == 3 || i == 8) {
            check_eq(nr_fired[i], 0, "cancelled timer ran");
            continue;
        }
        check_eq(nr_fired[i], 1, "runs of one timer");
        check(fired_at[i] >= deadline[i], "timer %u ran %lu ns early", i,
              deadline[i] - fired_at[i]);
        if (fired_at[i] - deadline[i] > worst)
            worst = fired_at[i] - deadline[i];
    }
    check_eq(nr_done, NR - 2, "callbacks run");
    for (unsigned int k = 0; k < nr_done; k++) {
        check(deadline[order[k]] >= last, "timer %u ran out of order",
              order[k]);
        last = deadline[order[k]];
    }
    gk_printf("%u timers, worst lateness %lu us\n", nr_done, worst / 1000);
    check(worst < 1000 * MS, "a timer ran %lu ns late", worst);

    check_rc(HYPERVISOR_vcpu_op(VCPUOP_get_runstate_info, 0, &r0), 0,
             "runstate");
    t0 = gk_now();
    gk_sleep(30 * MS);
    check(gk_now() - t0 >= 30 * MS, "gk_sleep(30 ms) took %lu ns",
          gk_now() - t0);
    check_rc(HYPERVISOR_vcpu_op(VCPUOP_get_runstate_info, 0, &r1), 0,
             "runstate");
    check(r1.time[RUNSTATE_blocked] - r0.time[RUNSTATE_blocked] >= 10 * MS,
          "blocked %lu ns in a 30 ms sleep",
          r1.time[RUNSTATE_blocked] - r0.time[RUNSTATE_blocked]);
    gk_timer_get_stats(&s1);
    check_eq(s1.nr_pending, 0, "timers left pending");
    return 0;
}
