/* SPDX-License-Identifier: MIT */
/* memory_op (hypercall 12): reservations and memory maps. */
#ifndef HV_ABI_MEMORY_H
#define HV_ABI_MEMORY_H

#include <stdint.h>

#define DOMID_SELF  0x7FF0U
#define DOMID_IO    0x7FF1U
#define DOMID_XEN   0x7FF2U
#define DOMID_COW   0x7FF3U
#define DOMID_INVALID 0x7FF4U
#define DOMID_IDLE  0x7FFFU
#define DOMID_FIRST_RESERVED 0x7FF0U

#define XENMEM_increase_reservation  0
#define XENMEM_decrease_reservation  1
#define XENMEM_maximum_ram_page      2   /* returns the highest MFN */
#define XENMEM_current_reservation   3   /* (domid_t *) returns pages */
#define XENMEM_maximum_reservation   4   /* (domid_t *) returns pages */
#define XENMEM_machphys_mfn_list     5
#define XENMEM_populate_physmap      6
#define XENMEM_add_to_physmap        7
#define XENMEM_memory_map            9   /* struct xen_memory_map */
#define XENMEM_machine_memory_map   10   /* struct xen_memory_map */
#define XENMEM_exchange             11
#define XENMEM_machphys_mapping     12   /* struct xen_machphys_mapping */
#define XENMEM_set_memory_map       13
#define XENMEM_maximum_gpfn         14

/* The low bits of an extent_start/cmd word carry the command. */
#define MEMOP_EXTENT_SHIFT 6
#define MEMOP_CMD_MASK ((1U << MEMOP_EXTENT_SHIFT) - 1)

struct xen_memory_map {
    uint32_t nr_entries;       /* IN: room in buffer; OUT: entries stored */
    uint64_t buffer;           /* IN: guest pointer to struct e820_entry[] */
};

/* The BIOS INT 15h E820 entry format used by memory maps. */
struct e820_entry {
    uint64_t addr;
    uint64_t size;
    uint32_t type;
} __attribute__((packed));

#define E820_RAM      1
#define E820_RESERVED 2
#define E820_ACPI     3
#define E820_NVS      4
#define E820_UNUSABLE 5

struct xen_machphys_mapping {
    uint64_t v_start, v_end;   /* OUT: VA range of the M2P table */
    uint64_t max_mfn;          /* OUT: highest MFN it can describe */
};

struct xen_memory_reservation {
    uint64_t extent_start;     /* IN/OUT: guest pointer to xen_pfn_t[] */
    uint64_t nr_extents;       /* IN */
    uint32_t extent_order;     /* IN */
    uint32_t mem_flags;        /* IN: XENMEMF_* */
    uint16_t domid;            /* IN */
};

#endif
