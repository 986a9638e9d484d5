/* SPDX-License-Identifier: MIT */
/*
 * The initial memory image of a PV domain: kernel, module, P2M list,
 * start_info, [xenstore, console], page tables (L4 first), boot stack, and
 * padding to a 4 MiB boundary leaving at least 512 KiB after the stack.
 */
#include "dom0-layout.h"

#define PAGE 4096ULL
#define ROUND_UP(x, a) (((x) + (a) - 1) / (a) * (a))

/* Number of aligned blocks of size 2^shift that [s, e) touches. */
static uint64_t blocks(uint64_t s, uint64_t e, unsigned int shift)
{
    return ((e - 1) >> shift) - (s >> shift) + 1;
}

int pv_layout_compute(const struct pv_layout_in *in, struct pv_layout *out,
                      const char **why)
{
    uint64_t v = ROUND_UP(in->kend, PAGE), nr_pt = 1, prev = 0;

    *out = (struct pv_layout){ 0 };
    if (in->module_size) {
        out->mod_start = v;
        v += ROUND_UP(in->module_size, PAGE);
    }
    out->p2m = v;
    v += ROUND_UP(in->nr_pages * 8, PAGE);
    out->start_info = v;
    v += PAGE;
    if (in->store_and_console) {
        out->store_page = v;
        out->console_page = v + PAGE;
        v += 2 * PAGE;
    }
    out->pt_start = v;

    /* The table count depends on the region's end, which depends on it. */
    while (nr_pt != prev) {
        prev = nr_pt;
        out->stack = out->pt_start + nr_pt * PAGE;
        out->v_end = ROUND_UP(out->stack + PAGE + 512 * 1024, 4ULL << 20);
        out->nr_l3 = blocks(in->virt_base, out->v_end, 39);
        out->nr_l2 = blocks(in->virt_base, out->v_end, 30);
        out->nr_l1 = blocks(in->virt_base, out->v_end, 21);
        nr_pt = 1 + out->nr_l3 + out->nr_l2 + out->nr_l1;
    }
    out->nr_pt_frames = nr_pt;
    if (out->v_end <= in->virt_base) {
        *why = "boot image wraps the top of the address space";
        return -1;
    }
    if ((out->v_end - in->virt_base) / PAGE > in->nr_pages) {
        *why = "memory too small for the kernel and its boot image";
        return -1;
    }
    return 0;
}
