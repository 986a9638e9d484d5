/* SPDX-License-Identifier: MIT */
/*
 * The kernel heap: the portable engine of lib/heap.c over pages from the
 * VM area, with events masked around it so handlers may allocate too.
 */
#include "gk/heap.h"

#include <string.h>

#include "gk/events.h"
#include "gk/test.h"
#include "gk/vm.h"

static void *pages_alloc(void *ctx, size_t nr)
{
    (void)ctx;
    return gk_vm_alloc(nr, 0);
}

static void pages_free(void *ctx, void *p, size_t nr)
{
    (void)ctx;
    gk_vm_free(p, nr, 0);
}

static struct gk_heap heap;
static int ready;

/* Call with events masked. */
static struct gk_heap *kernel_heap(void)
{
    static const struct gk_heap_source src = { pages_alloc, pages_free,
                                               NULL };

    if (!ready) {
        gk_heap_init(&heap, &src);
        ready = 1;
    }
    return &heap;
}

void *gk_malloc(size_t size)
{
    unsigned int flags = gk_local_irq_save();
    void *p = gk_heap_alloc(kernel_heap(), size);

    gk_local_irq_restore(flags);
    return p;
}

void *gk_calloc(size_t nr, size_t size)
{
    void *p;

    if (size && nr > SIZE_MAX / size)
        return NULL;
    p = gk_malloc(nr * size);
    if (p)
        memset(p, 0, nr * size);
    return p;
}

/* A bad pointer is a bug that would corrupt memory later: stop now. */
static void bad_pointer(const char *what, const void *p, const void *caller)
{
    test_error("%s(%p): not a live heap object (called from %p)", what, p,
               caller);
}

/*
 * Heap objects live in mapped pages of the VM area: check that before
 * the engine reads the page's header, so a stray pointer is reported
 * instead of faulting.
 */
static bool in_heap_page(const void *p)
{
    const void *page = (const void *)((uintptr_t)p & ~(uintptr_t)4095);

    return gk_vm_contains(p) && (gk_vm_pte(page) & PTE_P);
}

void *gk_realloc(void *p, size_t size)
{
    unsigned int flags = gk_local_irq_save();
    struct gk_heap *h = kernel_heap();
    void *q;

    if (p && (!in_heap_page(p) || !gk_heap_usable_size(h, p))) {
        gk_local_irq_restore(flags);
        bad_pointer("gk_realloc", p, __builtin_return_address(0));
    }
    q = gk_heap_realloc(h, p, size);
    gk_local_irq_restore(flags);
    return q;
}

void gk_free(void *p)
{
    unsigned int flags = gk_local_irq_save();
    int rc = p && !in_heap_page(p) ? -1 : gk_heap_free(kernel_heap(), p);

    gk_local_irq_restore(flags);
    if (rc)
        bad_pointer("gk_free", p, __builtin_return_address(0));
}

void gk_heap_get_stats(struct gk_heap_stats *out)
{
    unsigned int flags = gk_local_irq_save();

    *out = kernel_heap()->stats;
    gk_local_irq_restore(flags);
}

void gk_heap_release_cached(void)
{
    unsigned int flags = gk_local_irq_save();

    gk_heap_trim(kernel_heap());
    gk_local_irq_restore(flags);
}
