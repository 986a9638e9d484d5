/* SPDX-License-Identifier: MIT */
/*
 * The cooperative scheduler: a FIFO run queue, wait queues, sleeping on
 * each thread's own timer, and the idle loop that blocks the vCPU in the
 * hypervisor. Every queue change happens with events masked, since event
 * handlers and timer callbacks wake threads.
 */
#include "gk/thread.h"

#include <string.h>

#include "abi/sched.h"
#include "gk/heap.h"
#include "gk/hypercall.h"
#include "gk/test.h"
#include "gk/vm.h"
#include "gk/x86.h"

enum thread_state { T_RUNNING, T_RUNNABLE, T_BLOCKED, T_ZOMBIE };

struct gk_thread {
    uint64_t sp;                  /* saved rsp while switched out */
    struct gk_thread *next;       /* in the run queue or one wait queue */
    struct gk_waitq *wq;          /* the wait queue it is on, if any */
    enum thread_state state;
    bool timed_out;
    unsigned int flags;
    gk_thread_fn fn;
    void *arg;
    void *stack;                  /* lowest mapped byte; NULL: boot stack */
    struct gk_timer timer;        /* sleeps and wait timeouts */
    struct gk_waitq exit_wq;      /* the joiner */
    struct gk_thread *zombie_next;
    char name[16];
};

void gk_ctx_switch(uint64_t *save_sp, uint64_t new_sp);
void gk_thread_trampoline(void);
void gk_thread_start(struct gk_thread *t) __attribute__((noreturn));

static struct gk_thread first_thread;
static struct gk_thread *current;
static struct gk_waitq runq;
static struct gk_thread *zombies;
static struct gk_sched_stats stats;

static void q_push(struct gk_waitq *q, struct gk_thread *t)
{
    t->next = NULL;
    if (q->tail)
        q->tail->next = t;
    else
        q->head = t;
    q->tail = t;
}

static struct gk_thread *q_pop(struct gk_waitq *q)
{
    struct gk_thread *t = q->head;

    if (t) {
        q->head = t->next;
        if (!q->head)
            q->tail = NULL;
        t->next = NULL;
    }
    return t;
}

static void q_remove(struct gk_waitq *q, struct gk_thread *t)
{
    struct gk_thread **pp = &q->head, *prev = NULL;

    for (; *pp; prev = *pp, pp = &(*pp)->next) {
        if (*pp != t)
            continue;
        *pp = t->next;
        if (q->tail == t)
            q->tail = prev;
        t->next = NULL;
        return;
    }
}

/* Make t runnable; events masked. */
static void make_runnable(struct gk_thread *t)
{
    t->state = T_RUNNABLE;
    q_push(&runq, t);
}

static void free_thread(struct gk_thread *t)
{
    gk_vm_free(t->stack, GK_THREAD_STACK_PAGES, GK_VM_GUARD);
    gk_free(t);
}

/* Free detached threads that have exited: never the one running. */
static void reap(void)
{
    while (zombies) {
        struct gk_thread *t = zombies;

        zombies = t->zombie_next;
        free_thread(t);
    }
}

/* Nothing can run: sleep in the hypervisor until an event arrives. */
static void idle(void)
{
    uint64_t t0;

    gk_timer_run_expired();
    if (runq.head)
        return;
    t0 = gk_now();
    stats.nr_blocks++;
    /* Enables events and sleeps atomically; the upcall runs on return. */
    HYPERVISOR_sched_op(SCHEDOP_block, NULL);
    gk_local_irq_disable();
    stats.idle_ns += gk_now() - t0;
}

/*
 * Switch to the next runnable thread, requeueing the current one unless
 * it blocked or exited. Events masked on entry and on return.
 */
static void schedule(void)
{
    struct gk_thread *prev = current, *next;

    if (prev->state == T_RUNNING)
        make_runnable(prev);
    while (!(next = q_pop(&runq)))
        idle();
    next->state = T_RUNNING;
    if (next != prev) {
        current = next;
        stats.nr_switches++;
        gk_ctx_switch(&prev->sp, next->sp);
    }
    reap();
}

static void thread_timer(struct gk_timer *timer, void *data)
{
    struct gk_thread *t = data;

    (void)timer;
    if (t->state != T_BLOCKED)
        return;
    if (t->wq)
        t->timed_out = true;
    gk_thread_wake(t);
}

long gk_sched_init(void)
{
    long rc;

    if (current)
        return 0;
    rc = gk_timer_init();
    if (rc)
        return rc;
    strlcpy(first_thread.name, "main", sizeof(first_thread.name));
    first_thread.state = T_RUNNING;
    gk_timer_setup(&first_thread.timer, thread_timer, &first_thread);
    current = &first_thread;
    stats.nr_threads = 1;
    return 0;
}

bool gk_sched_running(void)
{
    return current != NULL;
}

struct gk_thread *gk_thread_create(const char *name, gk_thread_fn fn,
                                   void *arg, unsigned int flags)
{
    struct gk_thread *t;
    uint64_t *sp;
    unsigned int irq;

    if (gk_sched_init())
        return NULL;
    t = gk_calloc(1, sizeof(*t));
    if (!t)
        return NULL;
    t->stack = gk_vm_alloc(GK_THREAD_STACK_PAGES, GK_VM_GUARD);
    if (!t->stack) {
        gk_free(t);
        return NULL;
    }
    strlcpy(t->name, name, sizeof(t->name));
    t->fn = fn;
    t->arg = arg;
    t->flags = flags;
    gk_timer_setup(&t->timer, thread_timer, t);
    /* The frame gk_ctx_switch pops (see switch.S); r12 carries t. */
    sp = (uint64_t *)((char *)t->stack + GK_THREAD_STACK_PAGES * PAGE_SIZE);
    sp -= 7;
    memset(sp, 0, 6 * sizeof(*sp));
    sp[3] = (uint64_t)t;
    sp[6] = (uint64_t)gk_thread_trampoline;
    t->sp = (uint64_t)sp;
    irq = gk_local_irq_save();
    stats.nr_threads++;
    make_runnable(t);
    gk_local_irq_restore(irq);
    return t;
}

void gk_thread_start(struct gk_thread *t)
{
    reap();
    gk_local_irq_enable();
    t->fn(t->arg);
    gk_thread_exit();
}

struct gk_thread *gk_thread_self(void)
{
    return current;
}

const char *gk_thread_name(const struct gk_thread *t)
{
    return t->name;
}

void gk_thread_yield(void)
{
    unsigned int flags;

    if (!current)
        return;
    flags = gk_local_irq_save();
    schedule();
    gk_local_irq_restore(flags);
}

void gk_thread_exit(void)
{
    struct gk_thread *t = current;

    gk_local_irq_disable();
    if (t == &first_thread)
        test_error("gk_thread_exit: the first thread (main) cannot exit");
    t->state = T_ZOMBIE;
    stats.nr_threads--;
    if (t->flags & GK_THREAD_JOINABLE) {
        gk_waitq_wake_all(&t->exit_wq);
    } else {
        t->zombie_next = zombies;
        zombies = t;
    }
    schedule();
    test_error("gk_thread_exit: a dead thread was scheduled");
}

void gk_thread_join(struct gk_thread *t)
{
    unsigned int flags;

    if (!(t->flags & GK_THREAD_JOINABLE) || t == current)
        test_error("gk_thread_join(%s): not joinable by this thread",
                   t->name);
    flags = gk_local_irq_save();
    while (t->state != T_ZOMBIE)
        gk_waitq_wait(&t->exit_wq);
    gk_local_irq_restore(flags);
    free_thread(t);
}

void gk_thread_wake(struct gk_thread *t)
{
    unsigned int flags = gk_local_irq_save();

    if (t->state == T_BLOCKED) {
        if (t->wq) {
            q_remove(t->wq, t);
            t->wq = NULL;
        }
        make_runnable(t);
    }
    gk_local_irq_restore(flags);
}

void gk_thread_sleep_until(uint64_t deadline)
{
    struct gk_thread *t = current;
    unsigned int flags = gk_local_irq_save();

    while (gk_now() < deadline) {
        gk_timer_set(&t->timer, deadline);
        t->state = T_BLOCKED;
        schedule();
    }
    gk_timer_cancel(&t->timer);
    gk_local_irq_restore(flags);
}

/* gk_sleep_until's way in (see timer.c): only inside a thread. */
bool gk_thread_sleep_hook(uint64_t deadline)
{
    if (!current)
        return false;
    gk_thread_sleep_until(deadline);
    return true;
}

void gk_waitq_init(struct gk_waitq *wq)
{
    wq->head = wq->tail = NULL;
}

void gk_waitq_wait(struct gk_waitq *wq)
{
    struct gk_thread *t = current;

    t->state = T_BLOCKED;
    t->wq = wq;
    q_push(wq, t);
    schedule();
}

bool gk_waitq_wait_until(struct gk_waitq *wq, uint64_t deadline)
{
    struct gk_thread *t = current;

    if (gk_now() >= deadline)
        return false;
    t->timed_out = false;
    gk_timer_set(&t->timer, deadline);
    gk_waitq_wait(wq);
    gk_timer_cancel(&t->timer);
    return !t->timed_out;
}

bool gk_waitq_wake_one(struct gk_waitq *wq)
{
    unsigned int flags = gk_local_irq_save();
    struct gk_thread *t = q_pop(wq);

    if (t) {
        t->wq = NULL;
        make_runnable(t);
    }
    gk_local_irq_restore(flags);
    return t != NULL;
}

unsigned int gk_waitq_wake_all(struct gk_waitq *wq)
{
    unsigned int n = 0;

    while (gk_waitq_wake_one(wq))
        n++;
    return n;
}

void gk_sched_get_stats(struct gk_sched_stats *out)
{
    unsigned int flags = gk_local_irq_save();

    *out = stats;
    gk_local_irq_restore(flags);
}
