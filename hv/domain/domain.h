/* SPDX-License-Identifier: MIT */
/* Domains and their virtual CPUs: the state hv keeps for each guest. */
#ifndef HV_DOMAIN_DOMAIN_H
#define HV_DOMAIN_DOMAIN_H

#include <hv/types.h>
#include <abi/shared-info.h>
#include <abi/trap.h>
#include "arch/x86/regs.h"
#include "time/timer-queue.h"
#include <abi/memory.h>
#include <abi/vcpu.h>

#define MAX_VIRT_CPUS   XEN_LEGACY_MAX_VCPUS
#define MAX_GDT_FRAMES  14
#define MAX_GDT_ENTS    (MAX_GDT_FRAMES * 512)

struct callback {
    uint64_t address;          /* 0 = none */
    bool mask_events;          /* set the upcall mask on delivery */
};

enum callback_kind { CB_EVENT, CB_FAILSAFE, CB_SYSCALL, CB_SYSCALL32,
                     CB_SYSENTER, CB_NMI, NR_CALLBACKS };

/* Scheduler states; the numbers are the ABI's RUNSTATE_* values. */
enum vcpu_state {
    VCPU_RUNNING = RUNSTATE_running,
    VCPU_RUNNABLE = RUNSTATE_runnable,
    VCPU_BLOCKED = RUNSTATE_blocked,
    VCPU_OFFLINE = RUNSTATE_offline,
};

#define MAX_POLL_PORTS 128

struct vcpu {
    struct domain *domain;
    unsigned int vcpu_id;
    unsigned int processor;    /* physical CPU it runs on */
    struct hv_regs regs;       /* saved frame while not running */

    bool in_kernel;            /* guest kernel mode (vs user mode) */
    bool has_context;          /* built or given one by setvcpucontext */
    bool fpu_ts;               /* the guest's virtual CR0.TS */
    bool nmi_masked;
    bool in_multicall;         /* no continuations inside a multicall */
    uint8_t iopl;              /* virtual IOPL (PHYSDEVOP_set_iopl), 0-3 */
    uint64_t debugreg[8];      /* set_debugreg values; 4 and 5 unused */
    struct trap_info trap_ctxt[256];
    struct callback callbacks[NR_CALLBACKS];
    uint64_t kernel_ss, kernel_sp;
    uint64_t fs_base, gs_base_kernel, gs_base_user;

    mfn_t guest_table;         /* kernel L4 (cr3) */
    mfn_t guest_table_user;    /* user L4, INVALID_MFN if none */
    mfn_t gdt_frames[MAX_GDT_FRAMES];
    unsigned int gdt_ents;
    uint64_t ldt_base;             /* MMUEXT_SET_LDT: guest VA, 0 = none */
    unsigned int ldt_ents;
    unsigned int nr_ldt_frames;    /* frames loaded (typed) for it */
    mfn_t ldt_frames[16];

    struct vcpu_info *vcpu_info;   /* hv's mapping of it */
    mfn_t vcpu_info_mfn;           /* registered frame, INVALID_MFN if none */

    /* Scheduling. */
    enum vcpu_state state;
    uint64_t vtime;                /* run time scaled by 256/weight */
    uint64_t run_start;            /* system time it last got the CPU, or 0 */
    struct vcpu_runstate_info runstate;
    uint64_t runstate_guest;       /* guest VA to mirror runstate to, or 0 */
    uint64_t time_guest;           /* guest VA of a time record copy, or 0 */
    bool polling;
    unsigned int nr_poll_ports;
    uint32_t poll_ports[MAX_POLL_PORTS];

    /* VIRQ_TIMER sources. */
    struct timer periodic_timer;
    uint64_t periodic_period;      /* ns; 0 = stopped */
    uint64_t periodic_last;        /* system time of the last tick */
    struct timer singleshot_timer;
    struct timer poll_timer;

    /* Guest FPU/SSE state while another vCPU runs. */
    uint8_t fpu_area[512] __attribute__((aligned(16)));
    bool fpu_saved;
};

#define DOMF_privileged (1U << 0)

struct evtchn_domain;
struct grant_table;

struct domain {
    domid_t domain_id;
    uint32_t flags;            /* DOMF_* */
    uint8_t handle[16];        /* the toolstack's UUID */

    unsigned long nr_pages, max_pages;
    mfn_t shared_info_mfn;
    struct shared_info *shared_info;
    uint64_t vm_assist;        /* bitmap of enabled VMASST_TYPE_* */
    struct e820_entry e820[8]; /* pseudo-physical map set by the toolstack */
    unsigned int nr_e820;

    unsigned int nr_vcpus;
    struct vcpu *vcpu[MAX_VIRT_CPUS];

    struct evtchn_domain *evtchn;  /* event-channel ports (hv/event/) */
    struct grant_table *grant;     /* grant table (hv/grant/) */

    bool is_shutting_down;
    bool is_dying;             /* being destroyed: no new references */
    uint8_t shutdown_reason;   /* SHUTDOWN_* it stopped with */
    uint8_t shutdown_code;     /* SHUTDOWN_*, as set by shutdown_code */
    unsigned int pause_count;  /* toolstack pauses; created paused */
    uint16_t sched_weight;     /* CPU share; 0 = the default (256) */
    bool vcpus_confirmed;      /* XEN_DOMCTL_max_vcpus done (dom0: yes) */
    int64_t time_offset;       /* seconds added to its wall clock */
    uint32_t pci_cf8;          /* its last dword write to port 0xCF8 */
    unsigned long nr_gerr_lines;
};

static inline bool is_privileged(const struct domain *d)
{
    return d->flags & DOMF_privileged;
}

extern struct domain *dom0;

/* The vCPU running on this CPU (hv runs on its per-CPU stack). */
struct cpu_info *get_cpu_info(void);
static inline struct vcpu *current_vcpu(void)
{
    return get_cpu_info()->current;
}

/* Create a domain with nr_vcpus vCPUs (all offline) and its shared_info. */
struct domain *domain_create(domid_t id, uint32_t flags,
                             unsigned int nr_vcpus);

/* Find a live domain; NULL if none. */
struct domain *domain_lookup(domid_t id);
/* Every domain slot; NULL where none. */
#define MAX_DOMAINS 64
extern struct domain *domain_table[MAX_DOMAINS];

/*
 * Pause and unpause by the toolstack: a paused domain's vCPUs do not run.
 * Unpausing one that is not paused is -EINVAL.
 */
void domain_pause(struct domain *d);
int domain_unpause(struct domain *d);

/*
 * Free a domain and everything it holds: vCPUs, timers, event channels,
 * its memory (frames still referenced elsewhere are freed when the last
 * reference goes), shared_info. The domain must not be running.
 */
void domain_destroy(struct domain *d);

/*
 * The guest asked to stop (SCHEDOP_shutdown). For dom0 this ends the
 * machine: poweroff, reboot or halt as the reason says.
 */
void domain_shutdown(struct domain *d, unsigned int reason);

/* The guest broke its own state: log why with its registers, stop it. */
void domain_crash(struct domain *d, const char *why);

#endif
