/* SPDX-License-Identifier: MIT */
/*
 * The PV domU builder (reference §2.2, §2.3): the image from the ELF
 * notes and hv's layout code, written frame by frame through the
 * environment's mappings, then the L4 pin and vCPU 0's context.
 */
#include "toolstack/lib/builder/pv-build.h"

#include <string.h>

#include "abi/errno.h"
#include "abi/hypercall.h"
#include "abi/pv64.h"
#include "abi/start-info.h"
#include "hv/domain/dom0-layout.h"
#include "hv/domain/pv-elf.h"

#define PAGE       4096ULL
#define PAGE_SHIFT 12

/* Entry flags a domU's bootstrap tables get (reference §2.2). */
#define PVB_TABLE 0x067ULL     /* L4/L3/L2: P|RW|U|A|D */
#define PVB_DATA  0x023ULL     /* L1: P|RW|A, a kernel page */
#define PVB_RO    0x021ULL     /* L1 of a page-table frame: P|A */

/* More than this many pages is a caller's mistake (16 TiB). */
#define PVB_MAX_PAGES (1ULL << 32)

struct builder {
    const struct pvb_ops *ops;
    void *ctx;
    const struct pvb_config *cfg;
    struct pv_elf_info info;
    struct pv_layout lay;
    uint64_t *p2m;             /* PFN -> MFN, nr_pages entries */
    uint64_t pt_pfn;           /* PFN of the L4; L3s, L2s, L1s follow */
    const char **why;
};

static int fail(struct builder *b, int rc, const char *why)
{
    *b->why = why;
    return rc;
}

static uint64_t va_to_pfn(const struct builder *b, uint64_t va)
{
    return (va - b->info.virt_base) >> PAGE_SHIFT;
}

/*
 * Copy len bytes from src (zeroes if src is NULL) to the region at va,
 * one frame mapping at a time.
 */
static int write_region(struct builder *b, uint64_t va, const void *src,
                        uint64_t len)
{
    while (len) {
        uint64_t off = va & (PAGE - 1);
        uint64_t n = len < PAGE - off ? len : PAGE - off;
        uint8_t *p = b->ops->map(b->ctx, b->p2m[va_to_pfn(b, va)]);

        if (!p)
            return fail(b, -XEN_EFAULT, "mapping a frame of the domain");
        if (src) {
            memcpy(p + off, src, n);
            src = (const uint8_t *)src + n;
        } else {
            memset(p + off, 0, n);
        }
        b->ops->unmap(b->ctx, p);
        va += n;
        len -= n;
    }
    return 0;
}

static int load_segment(void *ctx, uint64_t va, const void *src,
                        uint64_t filesz, uint64_t memsz)
{
    struct builder *b = ctx;
    int rc = write_region(b, va, src, filesz);

    return rc ? rc : write_region(b, va + filesz, NULL, memsz - filesz);
}

/* Hypercall page (reference §4.1): stub i at 32 * i, 0xCC elsewhere. */
static void fill_hypercall_page(uint8_t *p)
{
    /* push rcx; push r11; push rax; mov $23, %eax; syscall */
    static const uint8_t iret[] = { 0x51, 0x41, 0x53, 0x50, 0xB8,
                                    __HYPERVISOR_iret, 0, 0, 0, 0x0F, 0x05 };

    memset(p, 0xCC, PAGE);
    for (uint32_t i = 0; i < HYPERCALL_PAGE_NR_STUBS; i++) {
        /* push rcx; push r11; mov $i, %eax; syscall; pop r11; pop rcx;
         * ret */
        uint8_t stub[] = { 0x51, 0x41, 0x53, 0xB8, (uint8_t)i, 0, 0, 0,
                           0x0F, 0x05, 0x41, 0x5B, 0x59, 0xC3 };

        if (i == __HYPERVISOR_iret)
            memcpy(p + i * HYPERCALL_PAGE_STUB_SIZE, iret, sizeof(iret));
        else
            memcpy(p + i * HYPERCALL_PAGE_STUB_SIZE, stub, sizeof(stub));
    }
}

static int write_hypercall_page(struct builder *b)
{
    uint64_t va = b->info.hypercall_page;
    uint8_t *p;

    if (!va)
        return 0;
    if ((va & (PAGE - 1)) || va < b->info.kstart || va >= b->info.kend)
        return fail(b, -XEN_EINVAL, "hypercall page outside the kernel or "
                    "not page-aligned");
    p = b->ops->map(b->ctx, b->p2m[va_to_pfn(b, va)]);
    if (!p)
        return fail(b, -XEN_EFAULT, "mapping the hypercall page");
    fill_hypercall_page(p);
    b->ops->unmap(b->ctx, p);
    return 0;
}

static int write_start_info(struct builder *b)
{
    const struct pvb_config *cfg = b->cfg;
    struct start_info *si;
    uint8_t *p = b->ops->map(b->ctx, b->p2m[va_to_pfn(b, b->lay.start_info)]);

    if (!p)
        return fail(b, -XEN_EFAULT, "mapping start_info");
    memset(p, 0, PAGE);
    si = (struct start_info *)p;
    memcpy(si->magic, START_INFO_MAGIC, sizeof(START_INFO_MAGIC));
    si->nr_pages = cfg->nr_pages;
    si->shared_info = cfg->shared_info_mfn << PAGE_SHIFT;
    si->flags = cfg->si_flags;
    si->store_mfn = b->p2m[va_to_pfn(b, b->lay.store_page)];
    si->store_evtchn = cfg->store_evtchn;
    si->console.domU.mfn = b->p2m[va_to_pfn(b, b->lay.console_page)];
    si->console.domU.evtchn = cfg->console_evtchn;
    si->pt_base = b->lay.pt_start;
    si->nr_pt_frames = b->lay.nr_pt_frames;
    si->mfn_list = b->lay.p2m;
    si->mod_start = b->lay.mod_start;
    si->mod_len = cfg->module_size;
    if (cfg->cmdline)
        for (size_t i = 0; i < MAX_GUEST_CMDLINE - 1 && cfg->cmdline[i]; i++)
            si->cmd_line[i] = (int8_t)cfg->cmdline[i];
    /* As the toolstack does without INIT_P2M: the frames of the list. */
    si->first_p2m_pfn = va_to_pfn(b, b->lay.p2m);
    si->nr_p2m_frames = (cfg->nr_pages * 8 + PAGE - 1) / PAGE;
    b->ops->unmap(b->ctx, p);
    return 0;
}

/* First table of each level: L4, then the L3s, L2s and L1s. */
static uint64_t first_table_pfn(const struct builder *b, unsigned int level)
{
    uint64_t pfn = b->pt_pfn;

    if (level <= 3)
        pfn += 1;
    if (level <= 2)
        pfn += b->lay.nr_l3;
    if (level <= 1)
        pfn += b->lay.nr_l2;
    return pfn;
}

static uint64_t table_entry(const struct builder *b, unsigned int level,
                            uint64_t va)
{
    unsigned int shift = PAGE_SHIFT + 9 * (level - 1);
    uint64_t blk = va >> shift, first = b->info.virt_base >> shift;
    uint64_t last = (b->lay.v_end - 1) >> shift, pfn;

    if (blk < first || blk > last)
        return 0;
    if (level > 1) {
        pfn = first_table_pfn(b, level - 1) + (blk - first);
        return (b->p2m[pfn] << PAGE_SHIFT) | PVB_TABLE;
    }
    pfn = blk - first;
    if (pfn >= b->pt_pfn && pfn < b->pt_pfn + b->lay.nr_pt_frames)
        return (b->p2m[pfn] << PAGE_SHIFT) | PVB_RO;
    return (b->p2m[pfn] << PAGE_SHIFT) | PVB_DATA;
}

/*
 * Table n of a level covers one aligned block of the region; each entry
 * names the next level's table for its part (or the frame, for an L1).
 * hv's slots (L4 256-271) stay empty: hv or Xen fill them at validation.
 */
static int write_table(struct builder *b, unsigned int level, uint64_t n)
{
    unsigned int cover = PAGE_SHIFT + 9 * level;
    uint64_t base = ((b->info.virt_base >> cover) + n) << cover;
    uint64_t pfn = first_table_pfn(b, level) + n;
    uint64_t *t = b->ops->map(b->ctx, b->p2m[pfn]);

    if (!t)
        return fail(b, -XEN_EFAULT, "mapping a page-table frame");
    for (uint64_t i = 0; i < 512; i++)
        t[i] = table_entry(b, level, base + (i << (cover - 9)));
    if (level == 4)
        for (unsigned int i = 256; i < 272; i++)
            t[i] = 0;
    b->ops->unmap(b->ctx, t);
    return 0;
}

static int write_page_tables(struct builder *b)
{
    const uint64_t count[5] = { 0, b->lay.nr_l1, b->lay.nr_l2, b->lay.nr_l3,
                                1 };
    int rc;

    for (unsigned int level = 4; level >= 1; level--)
        for (uint64_t n = 0; n < count[level]; n++) {
            rc = write_table(b, level, n);
            if (rc)
                return rc;
        }
    return 0;
}

static int set_context(struct builder *b, uint64_t l4_mfn)
{
    struct vcpu_guest_context *c = b->ops->alloc(b->ctx, sizeof(*c));
    int rc;

    if (!c)
        return fail(b, -XEN_ENOMEM, "no memory for the vCPU context");
    c->flags = VGCF_in_kernel | VGCF_online;
    c->user_regs.rip = b->info.entry;
    c->user_regs.rsp = b->lay.stack + PAGE;
    c->user_regs.rsi = b->lay.start_info;
    c->user_regs.rflags = 0x202;
    c->user_regs.cs = FLAT_KERNEL_CS;
    c->user_regs.ss = FLAT_KERNEL_SS;
    c->kernel_ss = FLAT_KERNEL_SS;
    c->kernel_sp = b->lay.stack + PAGE;
    c->ctrlreg[3] = xen_pfn_to_cr3(l4_mfn);
    c->debugreg[6] = 0xFFFF0FF0;
    c->debugreg[7] = 0x400;
    rc = b->ops->set_vcpu_context(b->ctx, c);
    b->ops->free(b->ctx, c);
    return rc ? fail(b, rc, "setting vCPU 0's context") : 0;
}

static int check_config(struct builder *b)
{
    const struct pvb_config *cfg = b->cfg;
    int rc;

    if (!cfg->nr_pages || cfg->nr_pages > PVB_MAX_PAGES)
        return fail(b, -XEN_EINVAL, "nr_pages is 0 or absurd");
    if (cfg->module_size && !cfg->module)
        return fail(b, -XEN_EINVAL, "module size without a module");
    rc = pv_elf_parse(cfg->kernel, cfg->kernel_size, &b->info, b->why);
    if (rc)
        return rc;
    if (b->info.init_p2m)
        return fail(b, -XEN_EOPNOTSUPP, "INIT_P2M is not supported yet");
    if (pv_layout_compute(&(struct pv_layout_in){
                              .virt_base = b->info.virt_base,
                              .kstart = b->info.kstart,
                              .kend = b->info.kend,
                              .module_size = cfg->module_size,
                              .nr_pages = cfg->nr_pages,
                              .store_and_console = true },
                          &b->lay, b->why))
        return -XEN_ENOMEM;
    b->pt_pfn = va_to_pfn(b, b->lay.pt_start);
    return 0;
}

/* Everything that goes into the domain's frames, in image order. */
static int write_image(struct builder *b)
{
    const struct pvb_config *cfg = b->cfg;
    int rc;

    rc = pv_elf_for_each_load(cfg->kernel, cfg->kernel_size, &b->info,
                              load_segment, b);
    if (rc)
        return *b->why ? rc : fail(b, rc, "kernel segments changed");
    if (cfg->module_size) {
        rc = write_region(b, b->lay.mod_start, cfg->module,
                          cfg->module_size);
        if (rc)
            return rc;
    }
    rc = write_region(b, b->lay.p2m, b->p2m, cfg->nr_pages * 8);
    if (!rc)
        rc = write_start_info(b);
    if (!rc)
        rc = write_region(b, b->lay.store_page, NULL, 2 * PAGE);
    if (!rc)
        rc = write_page_tables(b);
    if (!rc)
        rc = write_region(b, b->lay.stack, NULL, PAGE);
    if (!rc)
        rc = write_hypercall_page(b);
    return rc;
}

int pvb_build(const struct pvb_ops *ops, void *ctx,
              const struct pvb_config *cfg, struct pvb_result *out,
              const char **why)
{
    struct builder b = { .ops = ops, .ctx = ctx, .cfg = cfg, .why = why };
    uint64_t l4_mfn;
    int rc;

    *why = "";
    rc = check_config(&b);
    if (rc)
        return rc;
    b.p2m = ops->alloc(ctx, cfg->nr_pages * 8);
    if (!b.p2m)
        return fail(&b, -XEN_ENOMEM, "no memory for the P2M list");
    rc = ops->populate(ctx, cfg->nr_pages, b.p2m);
    if (rc) {
        fail(&b, rc, "populating the domain's memory");
        goto out;
    }
    *why = "";
    rc = write_image(&b);
    if (rc)
        goto out;
    l4_mfn = b.p2m[b.pt_pfn];
    rc = ops->pin_l4(ctx, l4_mfn);
    if (rc) {
        fail(&b, rc, "pinning the bootstrap L4");
        goto out;
    }
    rc = set_context(&b, l4_mfn);
    if (rc)
        goto out;

    *out = (struct pvb_result){
        .entry = b.info.entry,
        .virt_base = b.info.virt_base,
        .v_end = b.lay.v_end,
        .start_info = b.lay.start_info,
        .p2m = b.lay.p2m,
        .pt_base = b.lay.pt_start,
        .nr_pt_frames = b.lay.nr_pt_frames,
        .l4_mfn = l4_mfn,
        .store_mfn = b.p2m[va_to_pfn(&b, b.lay.store_page)],
        .console_mfn = b.p2m[va_to_pfn(&b, b.lay.console_page)],
        .stack_top = b.lay.stack + PAGE,
        .mod_start = b.lay.mod_start,
    };
out:
    ops->free(ctx, b.p2m);
    return rc;
}
