/* SPDX-License-Identifier: MIT */
/* start_info: what the domain builder hands a PV kernel in %rsi at entry. */
#ifndef HV_ABI_START_INFO_H
#define HV_ABI_START_INFO_H

#include <stdint.h>

#define MAX_GUEST_CMDLINE 1024
#define START_INFO_MAGIC  "xen-3.0-x86_64"

struct start_info {
    /* Rewritten on resume as well as at first boot. */
    char magic[32];            /* "xen-<version>-<platform>" */
    uint64_t nr_pages;         /* pages the domain owns */
    uint64_t shared_info;      /* MACHINE address of shared_info */
    uint32_t flags;            /* SIF_* */
    uint64_t store_mfn;        /* xenstore ring page */
    uint32_t store_evtchn;
    union {
        struct {
            uint64_t mfn;      /* console ring page */
            uint32_t evtchn;
        } domU;
        struct {
            uint32_t info_off; /* dom0: offset of console_info from here */
            uint32_t info_size;
        } dom0;
    } console;
    /* Written at first boot only. */
    uint64_t pt_base;          /* VA of the bootstrap L4 */
    uint64_t nr_pt_frames;     /* bootstrap page-table frames */
    uint64_t mfn_list;         /* VA of the P2M array */
    uint64_t mod_start;        /* VA of the module (PFN if SIF_MOD_START_PFN) */
    uint64_t mod_len;          /* module size in bytes */
    int8_t cmd_line[MAX_GUEST_CMDLINE];
    uint64_t first_p2m_pfn;    /* with INIT_P2M: frames of the mapped P2M */
    uint64_t nr_p2m_frames;
};

#define SIF_PRIVILEGED      (1U << 0)
#define SIF_INITDOMAIN      (1U << 1)
#define SIF_MULTIBOOT_MOD   (1U << 2)
#define SIF_MOD_START_PFN   (1U << 3)
#define SIF_VIRT_P2M_4TOOLS (1U << 4)
#define SIF_PM_MASK         (0xFFU << 8)

#endif
