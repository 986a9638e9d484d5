/* SPDX-License-Identifier: MIT */
/*
 * The heap engine: size-class pages for small objects, whole pages for
 * large ones. Each page starts with a 64-byte header, so the page of any
 * object (its address rounded down to 4 KiB) says how to free it.
 * Portable: no locks, no hypercalls, pages from a caller-given source.
 */
#include "gk/heap.h"

#include <string.h>

#include "gk/bitmap.h"

#define HEAP_PAGE_SIZE 4096UL
#define HEADER_SIZE    64UL
#define SMALL_MAGIC    0x6b67534dU   /* "MSgk" */
#define LARGE_MAGIC    0x6b674c4dU   /* "MLgk" */
#define MAX_SLOTS      ((HEAP_PAGE_SIZE - HEADER_SIZE) / 16)

struct gk_heap_page {
    uint32_t magic;
    uint16_t cls;                    /* small: index into class_size */
    uint16_t nr_used;                /* small: slots handed out */
    struct gk_heap_page *next, *prev; /* small: in the class's partial list */
    union {
        uint64_t used[GK_BITMAP_WORDS(MAX_SLOTS)]; /* small: slot bitmap */
        struct {
            size_t nr_pages;          /* large: pages including this one */
        } large;
    } u;
    uint64_t pad;
};

_Static_assert(sizeof(struct gk_heap_page) == HEADER_SIZE,
               "the header is exactly the space before the first object");

/* Multiples of 16 so every object stays 16-byte aligned. */
static const uint16_t class_size[GK_HEAP_NR_CLASSES] = {
    16, 32, 64, 128, 256, 512, GK_HEAP_MAX_SMALL,
};

static unsigned int nr_slots(unsigned int cls)
{
    return (unsigned int)((HEAP_PAGE_SIZE - HEADER_SIZE) / class_size[cls]);
}

static struct gk_heap_page *page_of(const void *p)
{
    return (struct gk_heap_page *)((uintptr_t)p & ~(HEAP_PAGE_SIZE - 1));
}

static void *slot_addr(struct gk_heap_page *pg, unsigned int slot)
{
    return (char *)pg + HEADER_SIZE + (size_t)slot * class_size[pg->cls];
}

void gk_heap_init(struct gk_heap *heap, const struct gk_heap_source *src)
{
    memset(heap, 0, sizeof(*heap));
    heap->src = *src;
}

static void list_add(struct gk_heap_page **head, struct gk_heap_page *pg)
{
    pg->prev = NULL;
    pg->next = *head;
    if (*head)
        (*head)->prev = pg;
    *head = pg;
}

static void list_del(struct gk_heap_page **head, struct gk_heap_page *pg)
{
    if (pg->prev)
        pg->prev->next = pg->next;
    else
        *head = pg->next;
    if (pg->next)
        pg->next->prev = pg->prev;
    pg->next = pg->prev = NULL;
}

static void *source_alloc(struct gk_heap *heap, size_t nr)
{
    void *p = heap->src.alloc(heap->src.ctx, nr);

    if (p)
        heap->stats.nr_pages += nr;
    return p;
}

static void source_free(struct gk_heap *heap, void *p, size_t nr)
{
    heap->stats.nr_pages -= nr;
    heap->src.free(heap->src.ctx, p, nr);
}

/* A page of class cls with a free slot, from the lists or the source. */
static struct gk_heap_page *class_page(struct gk_heap *heap, unsigned int cls)
{
    struct gk_heap_page *pg = heap->partial[cls];

    if (pg)
        return pg;
    pg = heap->cached[cls];
    if (pg) {
        heap->cached[cls] = NULL;
    } else {
        pg = source_alloc(heap, 1);
        if (!pg)
            return NULL;
        memset(pg, 0, HEADER_SIZE);
        pg->magic = SMALL_MAGIC;
        pg->cls = (uint16_t)cls;
    }
    list_add(&heap->partial[cls], pg);
    return pg;
}

static void *alloc_small(struct gk_heap *heap, unsigned int cls)
{
    struct gk_heap_page *pg = class_page(heap, cls);
    size_t slot;

    if (!pg)
        return NULL;
    slot = gk_bitmap_next_zero(pg->u.used, nr_slots(cls), 0);
    gk_bitmap_set(pg->u.used, slot);
    if (++pg->nr_used == nr_slots(cls))
        list_del(&heap->partial[cls], pg);
    heap->stats.nr_objects++;
    heap->stats.bytes += class_size[cls];
    return slot_addr(pg, (unsigned int)slot);
}

static void *alloc_large(struct gk_heap *heap, size_t size)
{
    size_t nr = (size + HEADER_SIZE + HEAP_PAGE_SIZE - 1) / HEAP_PAGE_SIZE;
    struct gk_heap_page *pg;

    if (size > SIZE_MAX - HEADER_SIZE - HEAP_PAGE_SIZE)
        return NULL;
    pg = source_alloc(heap, nr);
    if (!pg)
        return NULL;
    memset(pg, 0, HEADER_SIZE);
    pg->magic = LARGE_MAGIC;
    pg->u.large.nr_pages = nr;
    heap->stats.nr_objects++;
    heap->stats.bytes += nr * HEAP_PAGE_SIZE - HEADER_SIZE;
    return (char *)pg + HEADER_SIZE;
}

void *gk_heap_alloc(struct gk_heap *heap, size_t size)
{
    if (!size)
        return NULL;
    for (unsigned int cls = 0; cls < GK_HEAP_NR_CLASSES; cls++)
        if (size <= class_size[cls])
            return alloc_small(heap, cls);
    return alloc_large(heap, size);
}

/*
 * The slot of small object p, or -1 if p is not a live object there. The
 * page's magic is checked by the caller.
 */
static long small_slot(const struct gk_heap_page *pg, const void *p)
{
    size_t off = (size_t)((const char *)p - (const char *)pg);
    size_t slot;

    if (pg->cls >= GK_HEAP_NR_CLASSES || off < HEADER_SIZE ||
        (off - HEADER_SIZE) % class_size[pg->cls])
        return -1;
    slot = (off - HEADER_SIZE) / class_size[pg->cls];
    if (slot >= nr_slots(pg->cls) || !gk_bitmap_test(pg->u.used, slot))
        return -1;
    return (long)slot;
}

size_t gk_heap_usable_size(const struct gk_heap *heap, const void *p)
{
    const struct gk_heap_page *pg = page_of(p);

    (void)heap;
    if (!p)
        return 0;
    if (pg->magic == SMALL_MAGIC)
        return small_slot(pg, p) < 0 ? 0 : class_size[pg->cls];
    if (pg->magic == LARGE_MAGIC && (const char *)p ==
                                        (const char *)pg + HEADER_SIZE)
        return pg->u.large.nr_pages * HEAP_PAGE_SIZE - HEADER_SIZE;
    return 0;
}

static void free_small(struct gk_heap *heap, struct gk_heap_page *pg,
                       size_t slot)
{
    unsigned int cls = pg->cls;

    gk_bitmap_clear(pg->u.used, slot);
    if (pg->nr_used-- == nr_slots(cls))
        list_add(&heap->partial[cls], pg);
    heap->stats.nr_objects--;
    heap->stats.bytes -= class_size[cls];
    if (pg->nr_used)
        return;
    /* Keep one empty page per class: a malloc/free loop then costs no map. */
    list_del(&heap->partial[cls], pg);
    if (!heap->cached[cls]) {
        heap->cached[cls] = pg;
        return;
    }
    pg->magic = 0;
    source_free(heap, pg, 1);
}

int gk_heap_free(struct gk_heap *heap, void *p)
{
    struct gk_heap_page *pg = page_of(p);
    long slot;
    size_t nr;

    if (!p)
        return 0;
    if (pg->magic == SMALL_MAGIC) {
        slot = small_slot(pg, p);
        if (slot < 0)
            return -1;
        free_small(heap, pg, (size_t)slot);
        return 0;
    }
    if (pg->magic != LARGE_MAGIC || (char *)p != (char *)pg + HEADER_SIZE)
        return -1;
    nr = pg->u.large.nr_pages;
    pg->magic = 0;
    heap->stats.nr_objects--;
    heap->stats.bytes -= nr * HEAP_PAGE_SIZE - HEADER_SIZE;
    source_free(heap, pg, nr);
    return 0;
}

void *gk_heap_realloc(struct gk_heap *heap, void *p, size_t size)
{
    size_t have;
    void *q;

    if (!p)
        return gk_heap_alloc(heap, size);
    have = gk_heap_usable_size(heap, p);
    if (!have)
        return NULL;
    if (!size) {
        gk_heap_free(heap, p);
        return NULL;
    }
    /* Shrinking by less than half keeps the object where it is. */
    if (size <= have && size > have / 2)
        return p;
    q = gk_heap_alloc(heap, size);
    if (!q)
        return NULL;
    memcpy(q, p, size < have ? size : have);
    gk_heap_free(heap, p);
    return q;
}

void gk_heap_trim(struct gk_heap *heap)
{
    for (unsigned int cls = 0; cls < GK_HEAP_NR_CLASSES; cls++) {
        struct gk_heap_page *pg = heap->cached[cls];

        if (!pg)
            continue;
        heap->cached[cls] = NULL;
        pg->magic = 0;
        source_free(heap, pg, 1);
    }
}
