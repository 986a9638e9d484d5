/* SPDX-License-Identifier: MIT */
/* vcpu_op (hypercall 24): per-vCPU state, timers and runstate. */
#ifndef HV_ABI_VCPU_H
#define HV_ABI_VCPU_H

#include <stdint.h>

#define VCPUOP_initialise                     0
#define VCPUOP_up                             1
#define VCPUOP_down                           2
#define VCPUOP_is_up                          3
#define VCPUOP_get_runstate_info              4   /* struct vcpu_runstate_info */
#define VCPUOP_register_runstate_memory_area  5
#define VCPUOP_set_periodic_timer             6
#define VCPUOP_stop_periodic_timer            7
#define VCPUOP_set_singleshot_timer           8
#define VCPUOP_stop_singleshot_timer          9
#define VCPUOP_register_vcpu_info            10
#define VCPUOP_send_nmi                      11
#define VCPUOP_get_physid                    12
#define VCPUOP_register_vcpu_time_memory_area 13

#define RUNSTATE_running  0
#define RUNSTATE_runnable 1
#define RUNSTATE_blocked  2
#define RUNSTATE_offline  3

/* Set in state_entry_time while hv rewrites the record (VMASST 5). */
#define XEN_RUNSTATE_UPDATE (1ULL << 63)

struct vcpu_runstate_info {
    int32_t state;             /* OUT: RUNSTATE_* */
    uint64_t state_entry_time; /* OUT: system time of the last change */
    uint64_t time[4];          /* OUT: ns spent in each state */
};

struct vcpu_register_runstate_memory_area {
    uint64_t addr;             /* IN: guest VA of a vcpu_runstate_info */
};

struct vcpu_set_periodic_timer {
    uint64_t period_ns;        /* IN: at least 1 ms */
};

#define _VCPU_SSHOTTMR_future 0
#define VCPU_SSHOTTMR_future  (1U << _VCPU_SSHOTTMR_future)

struct vcpu_set_singleshot_timer {
    uint64_t timeout_abs_ns;   /* IN: absolute system time */
    uint32_t flags;            /* IN: VCPU_SSHOTTMR_* */
};

struct vcpu_register_vcpu_info {
    uint64_t mfn;              /* IN: frame holding the new vcpu_info */
    uint32_t offset;           /* IN: its offset in the frame */
    uint32_t rsvd;             /* IN: 0 */
};

struct vcpu_register_time_memory_area {
    uint64_t addr;             /* IN: guest VA of a vcpu_time_info */
};

#endif
