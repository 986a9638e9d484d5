/* SPDX-License-Identifier: MIT */
/*
 * The kernel heap: gk_malloc, gk_calloc, gk_realloc and gk_free, safe to
 * call from threads and from event handlers (they mask events around the
 * heap). Small requests come from pages split into one size class each
 * (16 to 1008 bytes); larger ones get whole pages of their own. Pages come
 * from gk/vm.h, so heap memory is mapped through the hypervisor like any
 * other. Every object is 16-byte aligned.
 *
 * The engine under it (struct gk_heap) is plain C with no locks and a
 * pluggable page source, so the host unit tests run it unchanged.
 */
#ifndef GK_HEAP_H
#define GK_HEAP_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* ---------------------------------------------------------- kernel heap */

/* size bytes, or NULL if out of memory. gk_malloc(0) returns NULL. */
void *gk_malloc(size_t size);

/* nr * size zeroed bytes; NULL if out of memory or the product overflows. */
void *gk_calloc(size_t nr, size_t size);

/*
 * Resize p to size bytes, keeping its contents up to the smaller size.
 * p NULL acts as gk_malloc; size 0 frees p and returns NULL. On failure
 * returns NULL and p is untouched.
 */
void *gk_realloc(void *p, size_t size);

/*
 * Free p (NULL is ignored). A pointer the heap did not hand out, or one
 * freed twice, is a kernel bug: it is reported with the address and ends
 * the kernel (test ERROR), rather than corrupting memory later.
 */
void gk_free(void *p);

struct gk_heap_stats {
    size_t nr_objects;   /* live allocations */
    size_t bytes;        /* their usable sizes summed */
    size_t nr_pages;     /* pages the heap holds from its page source */
};

/* The kernel heap's numbers now. */
void gk_heap_get_stats(struct gk_heap_stats *out);

/* Give the pages kept for reuse (one empty page per class) back. */
void gk_heap_release_cached(void);

/* ------------------------------------------------ the portable engine */

#define GK_HEAP_NR_CLASSES 7
/* Largest request served from a size-class page. */
#define GK_HEAP_MAX_SMALL 1008

struct gk_heap_page;

/*
 * Where pages come from: alloc returns nr page-aligned, writable pages
 * or NULL; free takes them back.
 */
struct gk_heap_source {
    void *(*alloc)(void *ctx, size_t nr);
    void (*free)(void *ctx, void *pages, size_t nr);
    void *ctx;
};

struct gk_heap {
    struct gk_heap_source src;
    /* Pages of each class with a free slot, and one empty one kept. */
    struct gk_heap_page *partial[GK_HEAP_NR_CLASSES];
    struct gk_heap_page *cached[GK_HEAP_NR_CLASSES];
    struct gk_heap_stats stats;
};

/* Start an empty heap over a page source. */
void gk_heap_init(struct gk_heap *heap, const struct gk_heap_source *src);

/* As gk_malloc on this heap. */
void *gk_heap_alloc(struct gk_heap *heap, size_t size);

/*
 * As gk_realloc on this heap; also NULL (p untouched) if p is not a live
 * object: check with gk_heap_usable_size first to tell the two apart.
 */
void *gk_heap_realloc(struct gk_heap *heap, void *p, size_t size);

/*
 * Free p; 0, or -1 if p is not a live object of this heap (nothing is
 * changed then). NULL returns 0.
 */
int gk_heap_free(struct gk_heap *heap, void *p);

/* The bytes p may use (>= what was asked), or 0 if p is not live. */
size_t gk_heap_usable_size(const struct gk_heap *heap, const void *p);

/* Give cached empty pages back to the source. */
void gk_heap_trim(struct gk_heap *heap);

#endif
