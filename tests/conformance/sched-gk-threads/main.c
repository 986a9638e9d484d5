/* SPDX-License-Identifier: MIT */
/*
 * Pins what guest-kit's scheduler (gk/thread.h) needs from the
 * hypervisor and delivers on both: threads on stacks in the VM area
 * take turns in creation order; a wait queue is woken by a thread and by
 * an event handler (an IPI to ourselves, delivered by the upcall); a
 * wait with a 20 ms timeout returns false no earlier than its deadline;
 * when every thread sleeps the vCPU blocks in SCHEDOP_block until the
 * one-shot timer fires (runstate blocked time grows) - the periodic
 * tick is stopped and would not wake it anyway; joining the threads
 * returns every page and heap object.
 */
#include <string.h>

#include "abi/vcpu.h"
#include "gk/heap.h"
#include "gk/hypercall.h"
#include "gk/page-alloc.h"
#include "gk/test.h"
#include "gk/thread.h"
#include "gk/vm.h"

GK_TEST_INFO("sched-gk-threads", "threads, wait queues, blocking when idle");

#define MS 1000000ULL

static char order[32];
static unsigned int nr_order;
static struct gk_waitq wq = GK_WAITQ_INIT;
static volatile int token, from_event;
static bool stacks_in_vm = true;

static void turn_taker(void *arg)
{
    char c = (char)(uintptr_t)arg;
    int local = 0;

    if (!gk_vm_contains(&local))
        stacks_in_vm = false;
    for (int i = 0; i < 3; i++) {
        order[nr_order++] = c;
        gk_thread_yield();
    }
}

static void waiter(void *arg)
{
    (void)arg;
    gk_wait_event(&wq, token == 1);
    token = 2;
    gk_waitq_wake_all(&wq);
    gk_wait_event(&wq, from_event);
    token = 3;
}

static void on_ipi(evtchn_port_t port, void *data)
{
    (void)port;
    (void)data;
    from_event = 1;
    gk_waitq_wake_one(&wq);
}

static void sleeper(void *arg)
{
    gk_sleep((uint64_t)(uintptr_t)arg * MS);
}

int main(void)
{
    struct gk_thread *t[4];
    struct gk_sched_stats s0, s1;
    struct vcpu_runstate_info r0, r1;
    struct gk_heap_stats hs;
    size_t pages;
    uint64_t t0, t1;
    long ipi;

    check_rc(gk_sched_init(), 0, "scheduler");
    check_rc(gk_vm_init(), 0, "VM area");
    pages = gk_pages_in_use();

    for (int i = 0; i < 3; i++)
        t[i] = gk_thread_create("turns", turn_taker,
                                (void *)(uintptr_t)('A' + i),
                                GK_THREAD_JOINABLE);
    for (int i = 0; i < 3; i++)
        gk_thread_join(t[i]);
    order[nr_order] = 0;
    gk_printf("turns: %s\n", order);
    check(!strcmp(order, "ABCABCABC"), "turns taken as %s", order);
    check(stacks_in_vm, "a thread stack outside the VM area");

    /* Thread to thread, then event handler to thread. */
    ipi = gk_evtchn_bind_ipi(0);
    if (ipi < 0)
        test_error("bind_ipi: %ld", ipi);
    gk_evtchn_set_handler((evtchn_port_t)ipi, on_ipi, NULL);
    t[0] = gk_thread_create("waiter", waiter, NULL, GK_THREAD_JOINABLE);
    gk_thread_yield();
    token = 1;
    gk_waitq_wake_all(&wq);
    gk_wait_event(&wq, token == 2);
    check_rc(gk_evtchn_send((evtchn_port_t)ipi), 0, "send the IPI");
    gk_thread_join(t[0]);
    check_eq(token, 3, "waiter woken by the event handler");

    /* A timeout with nobody to wake us. */
    {
        unsigned int f = gk_local_irq_save();
        bool woken;

        t0 = gk_now();
        woken = gk_waitq_wait_until(&wq, t0 + 20 * MS);
        t1 = gk_now();
        gk_local_irq_restore(f);
        check(!woken, "woken with no waker");
        check(t1 - t0 >= 20 * MS, "timed out after %lu ns", t1 - t0);
    }

    /* Everyone asleep: the vCPU blocks in the hypervisor. */
    check_rc(HYPERVISOR_vcpu_op(VCPUOP_get_runstate_info, 0, &r0), 0,
             "runstate");
    gk_sched_get_stats(&s0);
    t0 = gk_now();
    for (int i = 0; i < 4; i++)
        t[i] = gk_thread_create("sleeper", sleeper,
                                (void *)(uintptr_t)(10 * (i + 1)),
                                GK_THREAD_JOINABLE);
    for (int i = 0; i < 4; i++)
        gk_thread_join(t[i]);
    t1 = gk_now();
    gk_sched_get_stats(&s1);
    check_rc(HYPERVISOR_vcpu_op(VCPUOP_get_runstate_info, 0, &r1), 0,
             "runstate");
    gk_printf("sleepers: %lu us, %lu blocks, idle %lu us, blocked %lu us\n",
              (t1 - t0) / 1000, s1.nr_blocks - s0.nr_blocks,
              (s1.idle_ns - s0.idle_ns) / 1000,
              (r1.time[RUNSTATE_blocked] - r0.time[RUNSTATE_blocked]) / 1000);
    check(t1 - t0 >= 40 * MS, "4 sleepers up to 40 ms done in %lu ns",
          t1 - t0);
    /* A late timer (a loaded host) may merge deadlines into one block. */
    check(s1.nr_blocks - s0.nr_blocks >= 1, "no block while idle");
    check(r1.time[RUNSTATE_blocked] - r0.time[RUNSTATE_blocked] >= 10 * MS,
          "blocked only %lu ns", r1.time[RUNSTATE_blocked] -
                                     r0.time[RUNSTATE_blocked]);

    gk_heap_release_cached();
    gk_heap_get_stats(&hs);
    check_eq(s1.nr_threads, 1, "threads alive after joins");
    check_eq(hs.nr_objects, 0, "heap objects after joins");
    check_eq(gk_pages_in_use(), pages, "frames in use after joins");
    return 0;
}
