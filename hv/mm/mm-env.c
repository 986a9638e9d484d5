/* SPDX-License-Identifier: MIT */
/* hv's environment for the page-type machine (see mm-env.h). */
#include "mm/mm-env.h"
#include "arch/x86/cpu.h"
#include "arch/x86/page.h"
#include "domain/domain.h"
#include "lib/spinlock.h"
#include "mm/hv-pagetable.h"

static DEFINE_SPINLOCK(lock);
static struct mm_vcpu vcpu_state[MAX_VIRT_CPUS];

static uint64_t *env_map(void *ctx, uint64_t mfn)
{
    return mfn_to_virt(mfn);
}

static void env_flush(void *ctx)
{
    uint64_t cr4 = read_cr4();

    /* Guest user mappings are global (as on Xen): toggle PGE. */
    if (cr4 & X86_CR4_PGE) {
        write_cr4(cr4 & ~X86_CR4_PGE);
        write_cr4(cr4);
    } else {
        flush_tlb_local();
    }
}

static void env_fill(void *ctx, uint64_t *l4)
{
    hv_fill_guest_l4(l4);
}

static struct pt_env env = {
    .map = env_map,
    .flush_tlb = env_flush,
    .fill_hv_slots = env_fill,
};

struct pt_env *mm_env(void)
{
    /* The frame table exists from mm_init on; it never moves. */
    env.frames = frame_table;
    env.nr_frames = max_mfn;
    return &env;
}

struct pt_dom mm_dom(const struct domain *d)
{
    /*
     * Cache attributes follow privilege as on Xen's dom0; device memory
     * needs I/O-memory rights, which hv gives to no domain yet.
     */
    return (struct pt_dom){ .domid = d->domain_id,
                            .cache_attrs = is_privileged(d),
                            .io_frames = false };
}

void mm_lock(void)
{
    spin_lock(&lock);
}

void mm_unlock(void)
{
    spin_unlock(&lock);
}

void mm_flush_tlb(void)
{
    env_flush(NULL);
    pt_flushed(&env);
}

struct mm_vcpu *mm_vcpu(const struct vcpu *v)
{
    /* Only dom0 runs yet; this moves into struct vcpu with domUs. */
    return &vcpu_state[v->vcpu_id % MAX_VIRT_CPUS];
}
