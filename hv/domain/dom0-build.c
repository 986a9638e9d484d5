/* SPDX-License-Identifier: MIT */
/*
 * hv's dom0 builder: frames for the domain, the kernel and module copied
 * in, the P2M list, start_info, the hypercall page, bootstrap page tables
 * with their page types, and vCPU 0's registers (reference §2).
 */
#include "domain/dom0-build.h"
#include "domain/dom0-layout.h"
#include "domain/domain.h"
#include "domain/pv-elf.h"
#include "arch/x86/cpu-init.h"
#include "arch/x86/page.h"
#include "console/console.h"
#include "mm/frame.h"
#include "mm/hv-pagetable.h"

#include <abi/features.h>
#include <abi/hypercall.h>
#include <abi/pv64.h>
#include <abi/start-info.h>
#include <hv/compiler.h>
#include <string.h>

#define L1_PROT  (_PAGE_PRESENT | _PAGE_RW | _PAGE_USER | _PAGE_ACCESSED)
#define L1_RO    (_PAGE_PRESENT | _PAGE_USER | _PAGE_ACCESSED)
#define TBL_PROT (_PAGE_PRESENT | _PAGE_RW | _PAGE_USER | _PAGE_ACCESSED | \
                  _PAGE_DIRTY)

struct builder {
    struct domain *d;
    uint64_t virt_base;
    mfn_t *p2m;                /* hv's copy while building */
    uint64_t nr_pages;
    struct pv_layout lay;
    uint64_t next_pt_va;       /* next unused page-table frame */
};

static uint64_t va_pfn(const struct builder *b, uint64_t va)
{
    return (va - b->virt_base) >> PAGE_SHIFT;
}

/* hv's view of the byte at guest VA va inside the boot region. */
static void *guest_ptr(const struct builder *b, uint64_t va)
{
    return (uint8_t *)mfn_to_virt(b->p2m[va_pfn(b, va)]) + (va & 4095);
}

static void copy_in(struct builder *b, uint64_t va, const void *src,
                    uint64_t len)
{
    while (len) {
        uint64_t n = MIN(len, PAGE_SIZE - (va & 4095));

        if (src) {
            memcpy(guest_ptr(b, va), src, n);
            src = (const uint8_t *)src + n;
        } else {
            memset(guest_ptr(b, va), 0, n);
        }
        va += n;
        len -= n;
    }
}

static int load_segment(void *ctx, uint64_t va, const void *src,
                        uint64_t filesz, uint64_t memsz)
{
    copy_in(ctx, va, src, filesz);
    copy_in(ctx, va + filesz, NULL, memsz - filesz);
    return 0;
}

/* A new page-table frame from the table area, typed for its level. */
static uint64_t *new_table(struct builder *b, uint64_t type, mfn_t *mfn)
{
    uint64_t va = b->next_pt_va;

    b->next_pt_va += PAGE_SIZE;
    *mfn = b->p2m[va_pfn(b, va)];
    mfn_to_page(*mfn)->type_info = type | PGT_validated;
    return mfn_to_virt(*mfn);
}

/* Link a lower table: the parent's entry holds a general and a type ref. */
static uint64_t *child(struct builder *b, uint64_t *table, unsigned int idx,
                       uint64_t type)
{
    mfn_t mfn;

    if (table[idx] & _PAGE_PRESENT)
        return mfn_to_virt(pte_mfn(table[idx]));
    new_table(b, type, &mfn);
    table[idx] = (mfn << PAGE_SHIFT) | TBL_PROT;
    mfn_to_page(mfn)->count_info++;
    mfn_to_page(mfn)->type_info++;
    return mfn_to_virt(mfn);
}

static bool is_table_va(const struct builder *b, uint64_t va)
{
    return va >= b->lay.pt_start &&
           va < b->lay.pt_start + b->lay.nr_pt_frames * PAGE_SIZE;
}

static mfn_t build_page_tables(struct builder *b)
{
    mfn_t l4_mfn;
    uint64_t *l4 = new_table(b, PGT_l4, &l4_mfn);

    for (uint64_t va = b->virt_base; va < b->lay.v_end; va += PAGE_SIZE) {
        uint64_t *l3 = child(b, l4, l4_index(va), PGT_l3);
        uint64_t *l2 = child(b, l3, l3_index(va), PGT_l2);
        uint64_t *l1 = child(b, l2, l2_index(va), PGT_l1);
        mfn_t mfn = b->p2m[va_pfn(b, va)];
        struct page_info *pg = mfn_to_page(mfn);

        pg->count_info++;
        if (is_table_va(b, va)) {
            l1[l1_index(va)] = (mfn << PAGE_SHIFT) | L1_RO;
        } else {
            l1[l1_index(va)] = (mfn << PAGE_SHIFT) | L1_PROT;
            pg->type_info = PGT_writable | ((pg->type_info & PGT_count_mask) + 1);
        }
    }
    hv_fill_guest_l4(l4);
    /* Pinned, and in use as cr3: two type and two general refs. */
    mfn_to_page(l4_mfn)->type_info |= PGT_pinned | 2;
    mfn_to_page(l4_mfn)->count_info += 2;
    return l4_mfn;
}

/* Hypercall page stubs (reference §4.1): 0xCC fill, stub i at 32 * i. */
static void write_hypercall_page(struct builder *b, uint64_t va)
{
    uint8_t *p = guest_ptr(b, va);

    memset(p, 0xCC, PAGE_SIZE);
    for (uint32_t i = 0; i < HYPERCALL_PAGE_NR_STUBS; i++) {
        uint8_t *s = p + i * HYPERCALL_PAGE_STUB_SIZE;

        if (i == __HYPERVISOR_iret) {
            /* push rcx; push r11; push rax; mov $23, %eax; syscall */
            static const uint8_t iret[] = { 0x51, 0x41, 0x53, 0x50, 0xB8,
                                            0x17, 0, 0, 0, 0x0F, 0x05 };
            memcpy(s, iret, sizeof(iret));
            continue;
        }
        /* push rcx; push r11; mov $i, %eax; syscall; pop r11; pop rcx; ret */
        s[0] = 0x51; s[1] = 0x41; s[2] = 0x53; s[3] = 0xB8;
        memcpy(s + 4, &i, 4);
        s[8] = 0x0F; s[9] = 0x05; s[10] = 0x41; s[11] = 0x5B;
        s[12] = 0x59; s[13] = 0xC3;
    }
}

static void write_start_info(struct builder *b, const struct dom0_image *img)
{
    struct start_info *si = guest_ptr(b, b->lay.start_info);
    const char *args = img->cmdline;

    memset(si, 0, sizeof(*si));
    strlcpy(si->magic, START_INFO_MAGIC, sizeof(si->magic));
    si->nr_pages = b->nr_pages;
    si->shared_info = b->d->shared_info_mfn << PAGE_SHIFT;
    si->flags = SIF_PRIVILEGED | SIF_INITDOMAIN;
    si->pt_base = b->lay.pt_start;
    si->nr_pt_frames = b->lay.nr_pt_frames;
    si->mfn_list = b->lay.p2m;
    si->mod_start = b->lay.mod_start;
    si->mod_len = img->module_size;
    /* No INIT_P2M: like Xen, point past the boot map, with no frames. */
    si->first_p2m_pfn = va_pfn(b, b->lay.v_end);
    si->nr_p2m_frames = 0;
    /* The module string is "path args": the kernel gets the args. */
    while (*args && *args != ' ')
        args++;
    while (*args == ' ')
        args++;
    strlcpy((char *)si->cmd_line, args, sizeof(si->cmd_line));
}

static bool populate(struct builder *b)
{
    for (uint64_t pfn = 0; pfn < b->nr_pages; pfn++) {
        mfn_t mfn = frame_alloc(b->d->domain_id, 1);

        if (mfn == INVALID_MFN)
            return false;
        b->p2m[pfn] = mfn;
        m2p_set(mfn, pfn);
    }
    return true;
}

static void set_boot_registers(struct builder *b, uint64_t entry,
                               mfn_t l4_mfn)
{
    struct vcpu *v = b->d->vcpu[0];
    struct hv_regs *r = &v->regs;

    memset(r, 0, sizeof(*r));
    r->rip = entry;
    r->rsp = b->lay.stack + PAGE_SIZE;
    r->rsi = b->lay.start_info;
    r->rflags = 0x202;
    r->cs = FLAT_KERNEL_CS;
    r->ss = FLAT_KERNEL_SS;
    v->kernel_ss = FLAT_KERNEL_SS;
    v->kernel_sp = r->rsp;
    v->guest_table = l4_mfn;
    v->has_context = true;
    v->processor = 0;
}

struct domain *dom0_build(const struct dom0_image *img)
{
    struct builder b = { 0 };
    struct pv_elf_info info;
    const char *why = "";
    unsigned long p2m_pages;
    mfn_t l4_mfn;

    if (pv_elf_parse(img->kernel, img->kernel_size, &info, &why)) {
        hv_log(LOG_ERR, "dom0: kernel rejected: %s", why);
        return NULL;
    }
    if (info.features_required[0] & (1U << XENFEAT_supervisor_mode_kernel)) {
        hv_log(LOG_ERR, "dom0: kernel requires supervisor_mode_kernel");
        return NULL;
    }
    b.nr_pages = img->mem_bytes >> PAGE_SHIFT;
    if (b.nr_pages + 1024 > frame_nr_free()) {
        b.nr_pages = frame_nr_free() - 1024;
        printk("dom0: only %lu MiB free; dom0 gets %lu MiB",
               frame_nr_free() >> 8, (unsigned long)(b.nr_pages >> 8));
    }
    b.virt_base = info.virt_base;
    if (pv_layout_compute(&(struct pv_layout_in){
                              .virt_base = info.virt_base,
                              .kstart = info.kstart, .kend = info.kend,
                              .module_size = img->module_size,
                              .nr_pages = b.nr_pages },
                          &b.lay, &why)) {
        hv_log(LOG_ERR, "dom0: %s (dom0_mem=%luM)", why,
               (unsigned long)(b.nr_pages >> 8));
        return NULL;
    }

    b.d = domain_create(0, DOMF_privileged, 1);
    p2m_pages = ALIGN_UP(b.nr_pages * sizeof(mfn_t), PAGE_SIZE) / PAGE_SIZE;
    b.p2m = hv_alloc_pages(p2m_pages);
    if (!b.d || !b.p2m || !populate(&b)) {
        hv_log(LOG_ERR, "dom0: out of memory for %lu pages",
               (unsigned long)b.nr_pages);
        return NULL;
    }
    b.d->nr_pages = b.d->max_pages = b.nr_pages;
    b.d->vcpus_confirmed = true;

    pv_elf_for_each_load(img->kernel, img->kernel_size, &info, load_segment,
                         &b);
    if (img->module_size)
        copy_in(&b, b.lay.mod_start, img->module, img->module_size);
    copy_in(&b, b.lay.p2m, b.p2m, b.nr_pages * sizeof(mfn_t));
    write_start_info(&b, img);
    if (info.hypercall_page)
        write_hypercall_page(&b, info.hypercall_page);
    b.next_pt_va = b.lay.pt_start;
    l4_mfn = build_page_tables(&b);
    set_boot_registers(&b, info.entry, l4_mfn);
    hv_free_pages(b.p2m, p2m_pages);

    printk("dom0: %s kernel, %lu MiB, entry %#lx, %lu page-table frames",
           info.guest_os, (unsigned long)(b.nr_pages >> 8),
           (unsigned long)info.entry, (unsigned long)b.lay.nr_pt_frames);
    printk("dom0: image %#lx-%#lx, start_info %#lx, L4 mfn %#lx",
           (unsigned long)b.virt_base, (unsigned long)b.lay.v_end,
           (unsigned long)b.lay.start_info, (unsigned long)l4_mfn);
    return b.d;
}
