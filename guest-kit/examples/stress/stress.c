/* SPDX-License-Identifier: MIT */
/*
 * Many threads at once for a fixed time: mapping and unmapping pages,
 * malloc/realloc/free, sleeping, one-shot timers, ping-pong through wait
 * queues, and threads that come and go. Every thread checks its own
 * data; at the end the frames and heap in use must be what they were at
 * the start, or something leaked.
 */
#include "stress.h"

#include <string.h>

#include "gk/console.h"
#include "gk/heap.h"
#include "gk/page-alloc.h"
#include "gk/pagetable.h"
#include "gk/thread.h"
#include "gk/timer.h"
#include "gk/vm.h"

#define MS 1000000ULL

static volatile bool stop;
static unsigned int problems;
static unsigned long nr_maps, nr_allocs, nr_sleeps, nr_fired, nr_pongs,
    nr_spawned;
static uint64_t worst_late;

static void problem(const char *what, uint64_t a, uint64_t b)
{
    if (problems++ < 10)
        gk_printf("stress: %s (%#lx, %#lx)\n", what, a, b);
}

static unsigned int rnd(uint64_t *seed)
{
    *seed = *seed * 6364136223846793005ULL + 1442695040888963407ULL;
    return (unsigned int)(*seed >> 33);
}

static void late_by(uint64_t deadline, uint64_t now)
{
    if (now < deadline)
        problem("woke before its deadline", deadline, now);
    else if (now - deadline > worst_late)
        worst_late = now - deadline;
}

/* Map, fill, check, unmap: through gk_vm_alloc and by hand. */
static void mapper(void *arg)
{
    uint64_t seed = (uint64_t)(uintptr_t)arg;

    while (!stop) {
        size_t n = rnd(&seed) % 48 + 1;
        unsigned int flags = rnd(&seed) % 2 ? GK_VM_GUARD : 0;
        uint64_t *p = gk_vm_alloc(n, flags);

        if (!p) {
            problem("gk_vm_alloc failed", n, 0);
            gk_sleep(MS);
            continue;
        }
        for (size_t i = 0; i < n; i++)
            p[i * 512] = p[i * 512 + 511] = seed + i;
        gk_thread_yield();
        for (size_t i = 0; i < n; i++)
            if (p[i * 512] != seed + i || p[i * 512 + 511] != seed + i)
                problem("a mapped page changed", (uint64_t)&p[i * 512], i);
        gk_vm_free(p, n, flags);
        nr_maps += n;

        /* The lower-level path: contiguous frames, reserved VA, gk_vm_map. */
        n = rnd(&seed) % 8 + 1;
        uint64_t pfn = gk_page_alloc_contig(n, 0), mfns[8];
        char *va = gk_vm_reserve(n);

        if (pfn == GK_PAGE_NONE || !va) {
            problem("contiguous frames or VA", pfn, (uint64_t)va);
            continue;
        }
        for (size_t i = 0; i < n; i++)
            mfns[i] = gk_pfn_to_mfn(pfn + i);
        if (gk_vm_map(va, mfns, n, GK_PT_DATA))
            problem("gk_vm_map failed", (uint64_t)va, n);
        memset(va, 0x5A, n * 4096);
        if (gk_vm_unmap(va, n, mfns) != (long)n || mfns[0] !=
                                                       gk_pfn_to_mfn(pfn))
            problem("gk_vm_unmap", (uint64_t)va, mfns[0]);
        gk_vm_release(va, n);
        gk_page_free_contig(pfn, n);
        nr_maps += n;
    }
}

/* malloc, realloc and free with a fill byte per object. */
static void heaper(void *arg)
{
    struct { unsigned char *p; size_t n; unsigned char fill; } o[32];
    uint64_t seed = (uint64_t)(uintptr_t)arg;

    memset(o, 0, sizeof(o));
    for (unsigned int op = 0; !stop; op++) {
        unsigned int i = rnd(&seed) % 32;

        if (o[i].p) {
            for (size_t b = 0; b < o[i].n; b += 61)
                if (o[i].p[b] != o[i].fill)
                    problem("a heap object changed", (uint64_t)o[i].p, b);
            if (rnd(&seed) % 4 == 0) {
                size_t n = rnd(&seed) % 3000 + 1;
                unsigned char *q = gk_realloc(o[i].p, n);

                if (!q) {
                    problem("gk_realloc failed", n, 0);
                    continue;
                }
                o[i].p = q;
                o[i].n = n;
                memset(q, o[i].fill, n);
                continue;
            }
            gk_free(o[i].p);
            o[i].p = NULL;
        } else {
            o[i].n = rnd(&seed) % 8 ? rnd(&seed) % 1000 + 1
                                    : rnd(&seed) % 30000 + 1;
            o[i].fill = (unsigned char)rnd(&seed);
            o[i].p = gk_malloc(o[i].n);
            if (!o[i].p) {
                problem("gk_malloc failed", o[i].n, 0);
                continue;
            }
            memset(o[i].p, o[i].fill, o[i].n);
            nr_allocs++;
        }
        if (op % 8 == 0)
            gk_thread_yield();
    }
    for (unsigned int i = 0; i < 32; i++)
        gk_free(o[i].p);
}

static void sleeper(void *arg)
{
    uint64_t seed = (uint64_t)(uintptr_t)arg;

    while (!stop) {
        uint64_t deadline = gk_now() + rnd(&seed) % (3 * MS);

        gk_sleep_until(deadline);
        late_by(deadline, gk_now());
        nr_sleeps++;
    }
}

/* Timers whose callbacks check their deadline and wake a waiting thread. */
struct stress_timer {
    struct gk_timer timer;
    uint64_t deadline;
    struct gk_waitq *wq;
    volatile unsigned int *fired;
};

static void on_timer(struct gk_timer *t, void *data)
{
    struct stress_timer *st = data;

    (void)t;
    late_by(st->deadline, gk_now());
    nr_fired++;
    (*st->fired)++;
    gk_waitq_wake_one(st->wq);
}

static void timer_user(void *arg)
{
    uint64_t seed = (uint64_t)(uintptr_t)arg;
    struct gk_waitq wq = GK_WAITQ_INIT;
    volatile unsigned int fired = 0;
    struct stress_timer t[8];

    for (int i = 0; i < 8; i++) {
        t[i].wq = &wq;
        t[i].fired = &fired;
        gk_timer_setup(&t[i].timer, on_timer, &t[i]);
    }
    while (!stop) {
        unsigned int armed = 0, f;

        fired = 0;
        for (int i = 0; i < 8; i++) {
            t[i].deadline = gk_now() + rnd(&seed) % (5 * MS);
            gk_timer_set(&t[i].timer, t[i].deadline);
            armed++;
        }
        /* Cancel a few; those that were still pending will not fire. */
        for (int i = 0; i < 8; i += 3)
            if (gk_timer_cancel(&t[i].timer))
                armed--;
        f = gk_local_irq_save();
        while (fired < armed)
            /* Generous: a loaded host makes timers late, not lost. */
            if (!gk_waitq_wait_until(&wq, gk_now() + 2000 * MS))
                break;
        gk_local_irq_restore(f);
        if (fired != armed)
            problem("timers lost", armed, fired);
    }
    for (int i = 0; i < 8; i++)
        gk_timer_cancel(&t[i].timer);
}

/* Two threads pass a token through one wait queue. */
static struct gk_waitq pong_wq = GK_WAITQ_INIT;
static volatile int token;

static void ponger(void *arg)
{
    int me = (int)(uintptr_t)arg;

    while (!stop) {
        unsigned int f = gk_local_irq_save();

        while (token != me && !stop)
            gk_waitq_wait(&pong_wq);
        gk_local_irq_restore(f);
        if (stop)
            break;
        token = !me;
        nr_pongs++;
        gk_waitq_wake_all(&pong_wq);
    }
}

/* Short-lived detached threads, at most 8 alive. */
static struct gk_waitq worker_wq = GK_WAITQ_INIT;
static volatile unsigned int nr_workers;

static void worker(void *arg)
{
    char *buf = gk_malloc((size_t)(uintptr_t)arg);

    if (buf)
        memset(buf, 1, (size_t)(uintptr_t)arg);
    gk_sleep(MS);
    gk_free(buf);
    nr_workers--;
    gk_waitq_wake_all(&worker_wq);
}

static void spawner(void *arg)
{
    uint64_t seed = (uint64_t)(uintptr_t)arg;

    while (!stop) {
        gk_wait_event(&worker_wq, nr_workers < 8 || stop);
        if (stop)
            break;
        nr_workers++;
        if (!gk_thread_create("worker", worker,
                              (void *)(uintptr_t)(rnd(&seed) % 5000 + 1), 0)) {
            nr_workers--;
            problem("gk_thread_create failed", 0, 0);
        }
        nr_spawned++;
    }
    gk_wait_event(&worker_wq, nr_workers == 0);
}

struct usage {
    size_t pages, mapped, tables;
    struct gk_heap_stats heap;
};

static void measure(struct usage *u, const char *when)
{
    struct gk_vm_stats vs;

    gk_heap_release_cached();
    gk_heap_get_stats(&u->heap);
    gk_vm_get_stats(&vs);
    u->pages = gk_pages_in_use();
    u->mapped = vs.nr_mapped;
    u->tables = vs.nr_tables;
    gk_printf("stress: %-5s frames in use %zu (VM pages mapped %zu, page "
              "tables %zu); heap %zu objects, %zu bytes, %zu pages\n",
              when, u->pages, u->mapped, u->tables, u->heap.nr_objects,
              u->heap.bytes, u->heap.nr_pages);
}

unsigned int stress_run(unsigned int seconds)
{
    static const struct {
        const char *name;
        gk_thread_fn fn;
        int n;
    } kinds[] = {
        { "mapper", mapper, 2 }, { "heaper", heaper, 2 },
        { "sleeper", sleeper, 3 }, { "timers", timer_user, 2 },
        { "ping", ponger, 2 }, { "spawner", spawner, 1 },
    };
    struct gk_thread *t[16];
    struct gk_sched_stats ss;
    struct gk_timer_stats ts;
    struct usage start, end;
    unsigned int nr = 0;
    uint64_t t0;

    if (gk_sched_init() || gk_vm_init()) {
        gk_printf("stress: cannot start threads or the VM area\n");
        return 1;
    }
    measure(&start, "start");
    t0 = gk_now();
    for (unsigned int k = 0; k < sizeof(kinds) / sizeof(kinds[0]); k++)
        for (int i = 0; i < kinds[k].n; i++, nr++)
            /* Pingers get their side (0, 1), the others a seed. */
            t[nr] = gk_thread_create(kinds[k].name, kinds[k].fn,
                                     (void *)(uintptr_t)(kinds[k].fn == ponger
                                                             ? (unsigned)i
                                                             : nr * 7919 + 1),
                                     GK_THREAD_JOINABLE);
    for (unsigned int s = 1; s <= seconds; s++) {
        struct gk_heap_stats hs;

        gk_sleep_until(t0 + s * 1000 * MS);
        gk_heap_get_stats(&hs);
        gk_printf("stress: %us: %lu pages mapped, %lu mallocs, %lu sleeps, "
                  "%lu timers, %lu pongs, %lu threads spawned; now %zu "
                  "frames and %zu heap objects in use\n", s, nr_maps,
                  nr_allocs, nr_sleeps, nr_fired, nr_pongs, nr_spawned,
                  gk_pages_in_use(), hs.nr_objects);
    }
    stop = true;
    gk_waitq_wake_all(&pong_wq);
    gk_waitq_wake_all(&worker_wq);
    for (unsigned int i = 0; i < nr; i++) {
        if (!t[i]) {
            problem("gk_thread_create failed", i, 0);
            continue;
        }
        gk_thread_join(t[i]);
    }
    gk_thread_yield();       /* let the last detached worker be reaped */

    gk_sched_get_stats(&ss);
    gk_timer_get_stats(&ts);
    gk_printf("stress: %lu context switches, %lu blocks in the hypervisor "
              "(%lu ms idle), %lu timer callbacks, worst lateness %lu us\n",
              ss.nr_switches, ss.nr_blocks, (unsigned long)(ss.idle_ns / MS),
              ts.nr_fired, worst_late / 1000);
    measure(&end, "end");
    if (end.pages != start.pages || end.heap.nr_objects !=
                                        start.heap.nr_objects ||
        end.heap.bytes != start.heap.bytes || end.heap.nr_pages !=
                                                  start.heap.nr_pages ||
        end.mapped != start.mapped || ss.nr_threads != 1)
        problem("leak: usage differs from the start", end.pages,
                start.pages);
    else
        gk_printf("stress: no leak: frames and heap back to their start "
                  "values\n");
    if (!nr_maps || !nr_allocs || !nr_sleeps || !nr_fired || !nr_pongs ||
        !nr_spawned)
        problem("some kind of work never ran", nr_maps, nr_fired);
    return problems;
}
