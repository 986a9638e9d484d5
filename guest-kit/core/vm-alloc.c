/* SPDX-License-Identifier: MIT */
/*
 * Memory in the VM area backed by fresh frames: gk_vm_alloc and
 * gk_vm_free, built only on the public calls of gk/vm.h and
 * gk/page-alloc.h.
 */
#include "gk/vm.h"

#include <string.h>

#include "abi/errno.h"
#include "gk/mmu-batch.h"
#include "gk/page-alloc.h"
#include "gk/pagetable.h"
#include "gk/test.h"
#include "gk/x86.h"

/* Unmap nr pages at va and give their frames back to the allocator. */
static void unmap_and_free(char *va, size_t nr)
{
    uint64_t mfns[GK_MMU_BATCH_MAX];

    for (size_t done = 0; done < nr;) {
        size_t chunk = nr - done < GK_MMU_BATCH_MAX ? nr - done
                                                    : GK_MMU_BATCH_MAX;
        long rc = gk_vm_unmap(va + done * PAGE_SIZE, chunk, mfns);

        if (rc < 0)
            test_error("gk_vm: unmapping %p: %ld", va + done * PAGE_SIZE, rc);
        for (size_t i = 0; i < chunk; i++)
            if (mfns[i])
                gk_page_free(gk_m2p[mfns[i]]);
        done += chunk;
    }
}

void *gk_vm_alloc(size_t nr, unsigned int flags)
{
    size_t guard = (flags & GK_VM_GUARD) ? 1 : 0, done = 0;
    uint64_t mfns[GK_MMU_BATCH_MAX];
    char *base, *va;
    long rc = 0;

    if (!nr)
        return NULL;
    base = gk_vm_reserve(nr + guard);
    if (!base)
        return NULL;
    va = base + guard * PAGE_SIZE;
    /* A chunk at a time: the frame list lives on the stack. */
    while (done < nr) {
        size_t chunk = nr - done < GK_MMU_BATCH_MAX ? nr - done
                                                    : GK_MMU_BATCH_MAX;
        size_t got = 0;

        for (; got < chunk; got++) {
            uint64_t pfn = gk_page_alloc();

            if (pfn == GK_PAGE_NONE)
                break;
            mfns[got] = gk_pfn_to_mfn(pfn);
        }
        rc = got < chunk ? -XEN_ENOMEM
                         : gk_vm_map(va + done * PAGE_SIZE, mfns, got,
                                     GK_PT_DATA);
        if (rc) {
            for (size_t i = 0; i < got; i++)
                gk_page_free(gk_m2p[mfns[i]]);
            break;
        }
        memset(va + done * PAGE_SIZE, 0, got * PAGE_SIZE);
        done += got;
    }
    if (rc) {
        unmap_and_free(va, done);
        gk_vm_release(base, nr + guard);
        return NULL;
    }
    return va;
}

void gk_vm_free(void *va, size_t nr, unsigned int flags)
{
    size_t guard = (flags & GK_VM_GUARD) ? 1 : 0;

    if (!va || !nr)
        return;
    unmap_and_free(va, nr);
    gk_vm_release((char *)va - guard * PAGE_SIZE, nr + guard);
}
