/* SPDX-License-Identifier: MIT */
/* Fixed numbers of hv's build and of its virtual address layout. */
#ifndef HV_CONFIG_H
#define HV_CONFIG_H

#include <abi/pv64.h>

#define NR_CPUS          8
#define PAGE_SHIFT       12
#define PAGE_SIZE        (1UL << PAGE_SHIFT)
#define PAGE_MASK        (~(PAGE_SIZE - 1))

/* Physical address QEMU's multiboot loader puts the hv image at. */
#define HV_LOAD_PA       0x100000UL

/*
 * hv's part of every address space: L4 slots 256-271 (reference §1).
 *   slot 256       read-only M2P, the only guest-visible part
 *   slot 260       per-CPU windows (GDT of the running vCPU)
 *   slot 261       device memory hv maps (local APIC)
 *   slots 262-271  direct map of all RAM; hv's image lives inside it
 */
#define RO_MPT_VIRT_START      MACH2PHYS_VIRT_START
#define RO_MPT_VIRT_END        MACH2PHYS_VIRT_END
#define PERCPU_VIRT_START      0xFFFF820000000000UL
#define MMIO_VIRT_START        0xFFFF828000000000UL
#define DIRECTMAP_VIRT_START   0xFFFF830000000000UL
#define DIRECTMAP_VIRT_END     HYPERVISOR_VIRT_END
#define HV_VIRT_START          (DIRECTMAP_VIRT_START + HV_LOAD_PA)

#define HV_FIRST_L4_SLOT       256
#define HV_LAST_L4_SLOT        271
#define RO_MPT_L4_SLOT         256
#define PERCPU_L4_SLOT         260
#define DIRECTMAP_L4_SLOT      262

/* Each CPU's GDT window: 16 pages; page 14 is hv's reserved GDT page. */
#define GDT_WINDOW_SIZE        (16 * PAGE_SIZE)
#define PERCPU_GDT_VIRT(cpu)   (PERCPU_VIRT_START + (unsigned long)(cpu) * GDT_WINDOW_SIZE)
/* Each CPU's LDT window: 16 pages (8192 entries), after the GDT windows. */
#define LDT_WINDOW_SIZE        (16 * PAGE_SIZE)
#define PERCPU_LDT_VIRT(cpu)   (PERCPU_VIRT_START + 256 * PAGE_SIZE + \
                                (unsigned long)(cpu) * LDT_WINDOW_SIZE)

/*
 * Per-CPU stack block, STACK_SIZE aligned: pages 0-3 are the IST stacks
 * (#DF, NMI, #MC, #DB), pages 4-7 the primary stack with the guest frame
 * and struct cpu_info at the top. Any of them finds cpu_info by alignment.
 */
#define STACK_ORDER            3
#define STACK_SIZE             (PAGE_SIZE << STACK_ORDER)
#define IST_STACK_SIZE         PAGE_SIZE
#define NR_IST_STACKS          4

/* hv's own selectors, in the reserved GDT page (reference §1 GDT table). */
#define HV_CS                  0xE008
#define HV_DS                  0xE010
#define HV_TSS_SEL             0xE040
#define HV_LDT_SEL             0xE050

#endif
