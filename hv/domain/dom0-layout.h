/* SPDX-License-Identifier: MIT */
/*
 * Where things go in a PV domain's initial address space (reference §2.2).
 * Portable: pure arithmetic, shared by hv's dom0 builder and (later) the
 * toolstack's domU builder, unit-tested on the host.
 */
#ifndef HV_DOMAIN_DOM0_LAYOUT_H
#define HV_DOMAIN_DOM0_LAYOUT_H

#include <stdbool.h>
#include <stdint.h>

struct pv_layout_in {
    uint64_t virt_base, kstart, kend;  /* from the ELF notes */
    uint64_t module_size;              /* 0 = no module */
    uint64_t nr_pages;                 /* pages the domain owns */
    bool store_and_console;            /* domU: xenstore + console pages */
};

struct pv_layout {
    uint64_t mod_start;                /* VA; 0 if none */
    uint64_t p2m;                      /* VA of mfn_list */
    uint64_t start_info;
    uint64_t store_page, console_page; /* VAs, 0 for dom0 */
    uint64_t pt_start;                 /* VA of the L4; tables follow */
    uint64_t nr_pt_frames;
    uint64_t nr_l3, nr_l2, nr_l1;
    uint64_t stack;                    /* VA of the boot stack page */
    uint64_t v_end;                    /* end of the mapped region */
};

/*
 * Compute the layout; returns 0, or -1 with *why set if the domain's
 * pages cannot hold it.
 */
int pv_layout_compute(const struct pv_layout_in *in, struct pv_layout *out,
                      const char **why);

#endif
