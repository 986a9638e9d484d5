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

/* A given-back frame lost its last reference: it is free memory again. */
static void env_free(void *ctx, uint64_t mfn)
{
    frame_free(mfn, 1);
}

/* The local APIC page hv programs; the I/O APIC page. */
#define LAPIC_MFN   0xFEE00UL
#define IOAPIC_MFN  0xFEC00UL
/* Legacy VGA memory, device RAM below the BIOS ROM. */
#define VGA_FIRST   0xA0UL
#define VGA_LAST    0xBFUL

/*
 * Device memory and holes, as Xen gives them to its dom0 (up to the CPU's
 * physical address width): the local APIC
 * never (hv's timer lives there), the I/O APIC read-only, holes below the
 * top of RAM (BIOS ROM, ACPI tables, reserved ranges) read-only except
 * VGA memory, and everything above RAM (PCI BARs) read-write.
 */
static int env_io_access(void *ctx, uint64_t mfn)
{
    static uint64_t nr_addressable;

    if (!nr_addressable) {
        uint32_t a, b, c, d;

        cpuid_count(0x80000008, 0, &a, &b, &c, &d);
        nr_addressable = 1UL << ((a & 0xFF ? a & 0xFF : 36) - PAGE_SHIFT);
    }
    /* Past the CPU's physical address width: nothing to map. */
    if (mfn >= nr_addressable)
        return PT_IO_NONE;
    if (mfn == LAPIC_MFN)
        return PT_IO_NONE;
    if (mfn == IOAPIC_MFN)
        return PT_IO_RO;
    if (mfn < max_mfn && !(mfn >= VGA_FIRST && mfn <= VGA_LAST))
        return PT_IO_RO;
    return PT_IO_RW;
}

static struct pt_env env = {
    .map = env_map,
    .flush_tlb = env_flush,
    .fill_hv_slots = env_fill,
    .io_access = env_io_access,
    .free_frame = env_free,
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
     * Cache attributes and I/O-memory rights follow privilege, as on
     * Xen's dom0 (env_io_access says which frames and how).
     */
    return (struct pt_dom){ .domid = d->domain_id,
                            .cache_attrs = is_privileged(d),
                            .io_frames = is_privileged(d) };
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
