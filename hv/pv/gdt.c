/* SPDX-License-Identifier: MIT */
/* set_gdt (2) and update_descriptor (10): the guest's own GDT entries. */
#include "hypercall/guest-copy.h"
#include "hypercall/hypercall.h"
#include "arch/x86/cpu-init.h"
#include "arch/x86/page.h"
#include "console/console.h"
#include "domain/domain.h"
#include "mm/page-ref.h"
#include "pv/descriptor.h"
#include "pv/gdt.h"

#include <hv/errno.h>

static void release_frames(const mfn_t *mfns, unsigned int nr)
{
    for (unsigned int i = 0; i < nr; i++)
        page_put_type(mfns[i]);
}

/* Validate (and normalise) every descriptor of a frame. */
bool frame_descriptors_ok(struct vcpu *v, mfn_t mfn)
{
    uint64_t *desc = mfn_to_virt(mfn);
    const char *why;

    for (unsigned int i = 0; i < 512; i++)
        if (!descriptor_check(&desc[i], &why)) {
            gerr(v, 0, "descriptor frame %#lx entry %u: %s", mfn, i, why);
            return false;
        }
    return true;
}

int pv_install_gdt(struct vcpu *v, const mfn_t *mfns, unsigned int entries)
{
    unsigned int nr = (entries + 511) / 512, i;

    if (entries > MAX_GDT_ENTS)
        return gerr(v, -EINVAL, "set_gdt: %u entries, limit %u", entries,
                    MAX_GDT_ENTS);
    for (i = 0; i < nr; i++) {
        if (!frame_owned_by(mfns[i], v->domain->domain_id)) {
            release_frames(mfns, i);
            return gerr(v, -EINVAL, "set_gdt: frame %#lx not owned",
                        mfns[i]);
        }
        if (!page_get_type(mfns[i], PGT_seg_desc)) {
            release_frames(mfns, i);
            return gerr(v, -EINVAL,
                        "set_gdt: frame %#lx is in use as another type "
                        "(mapped writable?)", mfns[i]);
        }
        if (!frame_descriptors_ok(v, mfns[i])) {
            release_frames(mfns, i + 1);
            return -EINVAL;
        }
    }
    release_frames(v->gdt_frames, (v->gdt_ents + 511) / 512);
    for (i = 0; i < nr; i++)
        v->gdt_frames[i] = mfns[i];
    v->gdt_ents = entries;
    if (v == current_vcpu())
        cpu_load_guest_gdt(v->processor, v);
    return 0;
}

/*
 * set_gdt(frames, entries): use these frames (one per 512 entries) as the
 * GDT below hv's reserved entries.
 *   -EINVAL  too many entries, a frame not ours, a frame mapped writable
 *            or in another use, or a refused descriptor
 *   -EFAULT  frames unreadable
 */
long hc_set_gdt(struct vcpu *v, uint64_t frames, uint64_t entries,
                uint64_t a3, uint64_t a4, uint64_t a5)
{
    mfn_t mfns[MAX_GDT_FRAMES];

    if (entries > MAX_GDT_ENTS)
        return gerr(v, -EINVAL, "set_gdt: %lu entries, limit %u", entries,
                    MAX_GDT_ENTS);
    if (entries && copy_from_guest(mfns, frames,
                                   (entries + 511) / 512 * sizeof(mfns[0])))
        return gerr(v, -EFAULT, "set_gdt: frame list %#lx unreadable",
                    frames);
    return pv_install_gdt(v, mfns, (unsigned int)entries);
}

/*
 * update_descriptor(ma, desc): write one descriptor at machine address ma
 * in a frame of ours that is a descriptor page or ordinary memory.
 *   -EINVAL  ma misaligned or not ours, a page-table frame, or a refused
 *            descriptor
 */
long hc_update_descriptor(struct vcpu *v, uint64_t ma, uint64_t desc,
                          uint64_t a3, uint64_t a4, uint64_t a5)
{
    mfn_t mfn = ma >> PAGE_SHIFT;
    uint64_t type;
    const char *why;

    if (ma & 7)
        return gerr(v, -EINVAL, "update_descriptor: %#lx misaligned", ma);
    if (!frame_owned_by(mfn, v->domain->domain_id))
        return gerr(v, -EINVAL, "update_descriptor: frame %#lx not owned",
                    mfn);
    type = page_type(mfn);
    if (page_type_count(mfn) && type != PGT_seg_desc && type != PGT_writable)
        return gerr(v, -EINVAL,
                    "update_descriptor: frame %#lx is a page table", mfn);
    if (!descriptor_check(&desc, &why))
        return gerr(v, -EINVAL, "update_descriptor: %#lx: %s", desc, why);
    *(volatile uint64_t *)maddr_to_virt(ma) = desc;
    return 0;
}
