/* SPDX-License-Identifier: MIT */
/* shared_info and vcpu_info: the page the hypervisor and a domain share. */
#ifndef HV_ABI_SHARED_INFO_H
#define HV_ABI_SHARED_INFO_H

#include <stdint.h>

#define XEN_LEGACY_MAX_VCPUS 32

struct vcpu_time_info {
    uint32_t version;          /* odd while being updated */
    uint32_t pad0;
    uint64_t tsc_timestamp;    /* TSC at system_time */
    uint64_t system_time;      /* ns since hypervisor boot */
    uint32_t tsc_to_system_mul;
    int8_t tsc_shift;
    uint8_t flags;             /* XEN_PVCLOCK_* */
    uint8_t pad1[2];
};

#define XEN_PVCLOCK_TSC_STABLE_BIT (1U << 0)
#define XEN_PVCLOCK_GUEST_STOPPED  (1U << 1)

struct arch_vcpu_info {
    uint64_t cr2;              /* address of the last bounced #PF */
    uint64_t pad;
};

struct vcpu_info {
    uint8_t evtchn_upcall_pending;
    uint8_t evtchn_upcall_mask;    /* the guest's interrupt flag, inverted */
    uint64_t evtchn_pending_sel;   /* selector: which pending words to scan */
    struct arch_vcpu_info arch;
    struct vcpu_time_info time;
};

struct arch_shared_info {
    uint64_t max_pfn;
    uint64_t pfn_to_mfn_frame_list_list;
    uint64_t nmi_reason;
    uint64_t p2m_cr3;
    uint64_t p2m_vaddr;
    uint64_t p2m_generation;
};

struct shared_info {
    struct vcpu_info vcpu_info[XEN_LEGACY_MAX_VCPUS];
    uint64_t evtchn_pending[64];
    uint64_t evtchn_mask[64];
    uint32_t wc_version;
    uint32_t wc_sec;
    uint32_t wc_nsec;
    uint32_t wc_sec_hi;
    struct arch_shared_info arch;
};

#endif
