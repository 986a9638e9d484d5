/* SPDX-License-Identifier: MIT */
/*
 * Pins guest-kit's heap (gk/heap.h) on both hypervisors: objects of
 * every size class and large ones are 16-byte aligned, hold their
 * contents and never overlap; calloc zeroes and refuses overflow;
 * realloc keeps contents; the pages under the heap are mapped through
 * update calls in the VM area; after everything is freed and the cache
 * released, the heap holds no page and the page allocator is back where
 * it started.
 */
#include <string.h>

#include "gk/heap.h"
#include "gk/page-alloc.h"
#include "gk/test.h"
#include "gk/vm.h"

GK_TEST_INFO("mm-gk-heap", "malloc/free over batched mappings, no leak");

#define NR 400

static unsigned int seed = 12345;

static unsigned int rnd(void)
{
    seed = seed * 1103515245 + 12345;
    return (seed >> 8) & 0xFFFFFF;
}

int main(void)
{
    static struct { unsigned char *p; size_t n; unsigned char fill; } o[NR];
    struct gk_heap_stats hs;
    size_t base;
    char *s;

    check_rc(gk_vm_init(), 0, "VM area");
    base = gk_pages_in_use();

    for (int round = 0; round < 20000; round++) {
        int i = (int)(rnd() % NR);

        if (o[i].p) {
            for (size_t b = 0; b < o[i].n; b++) {
                if (o[i].p[b] != o[i].fill) {
                    test_fail("object %p of %zu bytes changed at %zu",
                              o[i].p, o[i].n, b);
                }
            }
            gk_free(o[i].p);
            o[i].p = NULL;
            continue;
        }
        o[i].n = rnd() % 8 ? rnd() % 1200 + 1 : rnd() % 40000 + 1;
        o[i].fill = (unsigned char)rnd();
        o[i].p = gk_malloc(o[i].n);
        if (!o[i].p)
            test_fail("gk_malloc(%zu) returned NULL", o[i].n);
        check(((uintptr_t)o[i].p & 15) == 0, "%p not 16-byte aligned",
              o[i].p);
        check(gk_vm_pte(o[i].p) & PTE_P, "%p not in a mapped VM page",
              o[i].p);
        memset(o[i].p, o[i].fill, o[i].n);
    }
    gk_heap_get_stats(&hs);
    gk_printf("mid-run: %zu objects, %zu bytes, %zu pages\n", hs.nr_objects,
              hs.bytes, hs.nr_pages);
    for (int i = 0; i < NR; i++)
        gk_free(o[i].p);

    s = gk_calloc(1000, 7);
    check(s != NULL, "calloc(1000, 7)");
    for (int i = 0; s && i < 7000; i++)
        if (s[i]) {
            check(0, "calloc byte %d is %d", i, s[i]);
            break;
        }
    check(gk_calloc(SIZE_MAX / 2, 3) == NULL, "calloc overflow allowed");
    memcpy(s, "guest-kit", 10);
    s = gk_realloc(s, 20000);
    check(s && !strcmp(s, "guest-kit"), "realloc lost the contents");
    gk_free(s);
    check(gk_malloc(0) == NULL, "malloc(0) is not NULL");
    gk_free(NULL);

    gk_heap_release_cached();
    gk_heap_get_stats(&hs);
    gk_printf("end: %zu objects, %zu bytes, %zu pages; frames in use %zu "
              "(start %zu)\n", hs.nr_objects, hs.bytes, hs.nr_pages,
              gk_pages_in_use(), base);
    check_eq(hs.nr_objects, 0, "live objects after freeing all");
    check_eq(hs.bytes, 0, "bytes in use after freeing all");
    check_eq(hs.nr_pages, 0, "heap pages after release");
    check_eq(gk_pages_in_use(), base, "frames in use");
    return 0;
}
