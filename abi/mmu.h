/* SPDX-License-Identifier: MIT */
/* mmu_update (1), update_va_mapping (14), mmuext_op (26). */
#ifndef HV_ABI_MMU_H
#define HV_ABI_MMU_H

#include <stdint.h>

/* mmu_update: the low 2 bits of ptr select the command. */
#define MMU_NORMAL_PT_UPDATE       0
#define MMU_MACHPHYS_UPDATE        1
#define MMU_PT_UPDATE_PRESERVE_AD  2
#define MMU_PT_UPDATE_NO_TRANSLATE 3

struct mmu_update {
    uint64_t ptr;              /* IN: machine address of the PTE | cmd */
    uint64_t val;              /* IN: new contents */
};

#define MMUEXT_PIN_L1_TABLE       0
#define MMUEXT_PIN_L2_TABLE       1
#define MMUEXT_PIN_L3_TABLE       2
#define MMUEXT_PIN_L4_TABLE       3
#define MMUEXT_UNPIN_TABLE        4
#define MMUEXT_NEW_BASEPTR        5
#define MMUEXT_TLB_FLUSH_LOCAL    6
#define MMUEXT_INVLPG_LOCAL       7
#define MMUEXT_TLB_FLUSH_MULTI    8
#define MMUEXT_INVLPG_MULTI       9
#define MMUEXT_TLB_FLUSH_ALL     10
#define MMUEXT_INVLPG_ALL        11
#define MMUEXT_FLUSH_CACHE       12
#define MMUEXT_SET_LDT           13
#define MMUEXT_NEW_USER_BASEPTR  15
#define MMUEXT_CLEAR_PAGE        16
#define MMUEXT_COPY_PAGE         17
#define MMUEXT_FLUSH_CACHE_GLOBAL 18
#define MMUEXT_MARK_SUPER        19
#define MMUEXT_UNMARK_SUPER      20

struct mmuext_op {
    uint32_t cmd;              /* IN: MMUEXT_* */
    union {
        uint64_t mfn;          /* IN: PIN, UNPIN, NEW_BASEPTR, CLEAR/COPY_PAGE */
        uint64_t linear_addr;  /* IN: INVLPG, SET_LDT */
    } arg1;
    union {
        uint32_t nr_ents;      /* IN: SET_LDT */
        uint64_t vcpumask;     /* IN: *_MULTI, guest pointer */
        uint64_t src_mfn;      /* IN: COPY_PAGE */
    } arg2;
};

/* update_va_mapping flags: flush type in bits 0-1, target in the rest. */
#define UVMF_NONE           0UL
#define UVMF_TLB_FLUSH      1UL
#define UVMF_INVLPG         2UL
#define UVMF_FLUSHTYPE_MASK 3UL
#define UVMF_MULTI          0UL
#define UVMF_LOCAL          0UL
#define UVMF_ALL            4UL

#endif
