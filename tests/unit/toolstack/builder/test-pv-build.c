/* SPDX-License-Identifier: MIT */
/*
 * Tests of toolstack/lib/builder/pv-build.c against a fake environment:
 * frames in host memory with scattered MFNs, a log of the operations in
 * the order they came, counts of live mappings and allocations, and a
 * way to make any one operation fail.
 */
#include <elf.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "abi/elfnote.h"
#include "abi/errno.h"
#include "abi/pv64.h"
#include "abi/start-info.h"
#include "toolstack/lib/builder/pv-build.h"

#define PAGE 4096ULL

/* ------------------------------------------------------------ images */

struct image {
    uint8_t bytes[0x6000];
    size_t size;
};

/* Where the kernel goes: 2 pages of text/data, a page of .bss. */
#define KERNEL_FILESZ  0x2000
#define KERNEL_MEMSZ   0x3000
#define KERNEL_OFF     0x1000
#define NOTES_OFF      0x400
#define HCALL_OFF      0x1000  /* second page of the segment */
#define TEXT_BYTE      0x5A

static size_t add_note(uint8_t *p, uint32_t type, const void *desc,
                       uint32_t descsz)
{
    uint32_t hdr[3] = { 4, descsz, type };

    memcpy(p, hdr, sizeof(hdr));
    memcpy(p + 12, "Xen", 4);
    memcpy(p + 16, desc, descsz);
    return 16 + ((descsz + 3) & ~3U);
}

/*
 * A guest-kit-like kernel: one PT_LOAD of KERNEL_FILESZ bytes at
 * virt_base + paddr, memsz KERNEL_MEMSZ, entry at its start plus 0x10,
 * with a hypercall page note if hcall.
 */
static void make_image(struct image *img, uint64_t virt_base, uint64_t paddr,
                       int hcall)
{
    Elf64_Ehdr *eh = (Elf64_Ehdr *)img->bytes;
    Elf64_Phdr *ph = (Elf64_Phdr *)(img->bytes + sizeof(*eh));
    uint8_t *n = img->bytes + NOTES_OFF;
    uint64_t entry = virt_base + paddr + 0x10, zero = 0;
    uint64_t hpage = virt_base + paddr + HCALL_OFF;
    size_t nlen = 0;

    memset(img, 0, sizeof(*img));
    memcpy(eh->e_ident, ELFMAG, SELFMAG);
    eh->e_ident[EI_CLASS] = ELFCLASS64;
    eh->e_ident[EI_DATA] = ELFDATA2LSB;
    eh->e_ident[EI_VERSION] = EV_CURRENT;
    eh->e_type = ET_EXEC;
    eh->e_machine = EM_X86_64;
    eh->e_version = EV_CURRENT;
    eh->e_entry = entry;
    eh->e_phoff = sizeof(*eh);
    eh->e_ehsize = sizeof(*eh);
    eh->e_phentsize = sizeof(*ph);
    eh->e_phnum = 2;

    nlen += add_note(n + nlen, XEN_ELFNOTE_XEN_VERSION, "xen-3.0", 8);
    nlen += add_note(n + nlen, XEN_ELFNOTE_LOADER, "generic", 8);
    nlen += add_note(n + nlen, XEN_ELFNOTE_GUEST_OS, "test", 5);
    nlen += add_note(n + nlen, XEN_ELFNOTE_VIRT_BASE, &virt_base, 8);
    nlen += add_note(n + nlen, XEN_ELFNOTE_PADDR_OFFSET, &zero, 8);
    nlen += add_note(n + nlen, XEN_ELFNOTE_ENTRY, &entry, 8);
    if (hcall)
        nlen += add_note(n + nlen, XEN_ELFNOTE_HYPERCALL_PAGE, &hpage, 8);

    ph[0] = (Elf64_Phdr){ .p_type = PT_LOAD, .p_flags = PF_R | PF_X,
                          .p_offset = KERNEL_OFF,
                          .p_vaddr = virt_base + paddr, .p_paddr = paddr,
                          .p_filesz = KERNEL_FILESZ,
                          .p_memsz = KERNEL_MEMSZ, .p_align = PAGE };
    ph[1] = (Elf64_Phdr){ .p_type = PT_NOTE, .p_flags = PF_R,
                          .p_offset = NOTES_OFF, .p_filesz = nlen,
                          .p_memsz = nlen, .p_align = 4 };
    memset(img->bytes + KERNEL_OFF, TEXT_BYTE, KERNEL_FILESZ);
    img->size = KERNEL_OFF + KERNEL_FILESZ;
}

/* ------------------------------------------------------------ fake env */

enum op { OP_POPULATE, OP_MAP, OP_PIN, OP_CTX, OP_ALLOC, NR_OPS };

struct fake {
    uint64_t nr;               /* frames the machine has for the domain */
    uint8_t *mem;              /* nr pages */
    uint64_t populated;
    int live_maps, max_live_maps, live_allocs, nr_calls[NR_OPS];
    int fail_op, fail_at;      /* the fail_at-th call (1-based) of fail_op */
    int fail_rc;
    char log[8192];            /* one letter per call, in order */
    size_t log_len;
    uint64_t pinned;           /* MFN, 0 = none */
    int pin_maps;              /* live maps when pinned */
    struct vcpu_guest_context ctx;
    int ctx_set;
};

/* Scattered and descending, so PFN == MFN mix-ups show. */
static uint64_t idx_to_mfn(const struct fake *f, uint64_t i)
{
    return 0x80000 + (f->nr - 1 - i) * 3;
}

static int mfn_to_idx(const struct fake *f, uint64_t mfn)
{
    if (mfn < 0x80000 || (mfn - 0x80000) % 3 ||
        (mfn - 0x80000) / 3 >= f->nr)
        return -1;
    return (int)(f->nr - 1 - (mfn - 0x80000) / 3);
}

static uint8_t *frame(struct fake *f, uint64_t mfn)
{
    int i = mfn_to_idx(f, mfn);

    assert_true(i >= 0);
    return f->mem + (uint64_t)i * PAGE;
}

static int called(struct fake *f, enum op op, char letter)
{
    f->log[f->log_len++ % sizeof(f->log)] = letter;
    return ++f->nr_calls[op] == f->fail_at && f->fail_op == (int)op;
}

static int fake_populate(void *ctx, uint64_t nr, uint64_t *mfns)
{
    struct fake *f = ctx;

    if (called(f, OP_POPULATE, 'P'))
        return f->fail_rc;
    if (nr > f->nr)
        return -XEN_ENOMEM;
    for (uint64_t i = 0; i < nr; i++)
        mfns[i] = idx_to_mfn(f, i);
    f->populated = nr;
    return 0;
}

static void *fake_map(void *ctx, uint64_t mfn)
{
    struct fake *f = ctx;

    if (called(f, OP_MAP, 'm'))
        return NULL;
    assert_true(mfn_to_idx(f, mfn) >= 0 &&
                (uint64_t)mfn_to_idx(f, mfn) < f->populated);
    if (++f->live_maps > f->max_live_maps)
        f->max_live_maps = f->live_maps;
    return frame(f, mfn);
}

static void fake_unmap(void *ctx, void *va)
{
    struct fake *f = ctx;

    f->log[f->log_len++ % sizeof(f->log)] = 'u';
    assert_true(f->live_maps > 0);
    f->live_maps--;
}

static int fake_pin_l4(void *ctx, uint64_t mfn)
{
    struct fake *f = ctx;

    if (called(f, OP_PIN, 'L'))
        return f->fail_rc;
    f->pinned = mfn;
    f->pin_maps = f->live_maps;
    return 0;
}

static int fake_set_ctx(void *ctx, const struct vcpu_guest_context *c)
{
    struct fake *f = ctx;

    if (called(f, OP_CTX, 'C'))
        return f->fail_rc;
    f->ctx = *c;
    f->ctx_set = 1;
    return 0;
}

static void *fake_alloc(void *ctx, size_t size)
{
    struct fake *f = ctx;

    if (called(f, OP_ALLOC, 'a'))
        return NULL;
    f->live_allocs++;
    return calloc(1, size);
}

static void fake_free(void *ctx, void *p)
{
    struct fake *f = ctx;

    if (!p)
        return;
    f->live_allocs--;
    free(p);
}

static const struct pvb_ops fake_ops = {
    .populate = fake_populate, .map = fake_map, .unmap = fake_unmap,
    .pin_l4 = fake_pin_l4, .set_vcpu_context = fake_set_ctx,
    .alloc = fake_alloc, .free = fake_free,
};

static struct fake *fake_new(uint64_t nr)
{
    struct fake *f = calloc(1, sizeof(*f));

    f->nr = nr;
    f->mem = malloc(nr * PAGE);
    /* Garbage where the builder must write zeroes. */
    memset(f->mem, 0xAA, nr * PAGE);
    f->fail_op = -1;
    f->fail_rc = -XEN_EIO;
    return f;
}

static void fake_free_all(struct fake *f)
{
    free(f->mem);
    free(f);
}

/* The byte at VA va of the built domain, through its P2M. */
static uint8_t *at_va(struct fake *f, const struct pvb_result *r, uint64_t va)
{
    uint64_t pfn = (va - r->virt_base) / PAGE;

    return frame(f, idx_to_mfn(f, pfn)) + (va & (PAGE - 1));
}

/* ------------------------------------------------------------ setup */

#define NR_PAGES 1024
static const char module_text[] = "the module's bytes";

struct world {
    struct image img;
    struct pvb_config cfg;
    struct pvb_result res;
    struct fake *f;
    const char *why;
};

static struct world *world_new(uint64_t virt_base, uint64_t paddr,
                               uint64_t nr_pages, uint64_t nr_frames)
{
    struct world *w = calloc(1, sizeof(*w));

    make_image(&w->img, virt_base, paddr, 1);
    w->cfg = (struct pvb_config){
        .kernel = w->img.bytes, .kernel_size = w->img.size,
        .module = module_text, .module_size = sizeof(module_text),
        .cmdline = "console=hvc0 quiet", .nr_pages = nr_pages,
        .shared_info_mfn = 0x1234, .store_evtchn = 7, .console_evtchn = 9,
    };
    w->f = fake_new(nr_frames);
    return w;
}

static int world_build(struct world *w)
{
    return pvb_build(&fake_ops, w->f, &w->cfg, &w->res, &w->why);
}

static void world_free(struct world *w)
{
    fake_free_all(w->f);
    free(w);
}

static int setup(void **state)
{
    struct world *w = world_new(0, 0x100000, NR_PAGES, NR_PAGES);

    *state = w;
    return world_build(w) == 0 ? 0 : -1;
}

static int teardown(void **state)
{
    world_free(*state);
    return 0;
}

/* ------------------------------------------------------------ tests */

static void test_start_info_has_every_field(void **state)
{
    struct world *w = *state;
    struct pvb_result *r = &w->res;
    struct start_info si;

    memcpy(&si, at_va(w->f, r, r->start_info), sizeof(si));
    assert_string_equal(si.magic, "xen-3.0-x86_64");
    assert_int_equal(si.nr_pages, NR_PAGES);
    assert_int_equal(si.shared_info, 0x1234ULL << 12);
    assert_int_equal(si.flags, 0);
    assert_int_equal(si.store_mfn, r->store_mfn);
    assert_int_equal(si.store_evtchn, 7);
    assert_int_equal(si.console.domU.mfn, r->console_mfn);
    assert_int_equal(si.console.domU.evtchn, 9);
    assert_int_equal(si.pt_base, r->pt_base);
    assert_int_equal(si.nr_pt_frames, r->nr_pt_frames);
    assert_int_equal(si.mfn_list, r->p2m);
    assert_int_equal(si.mod_start, r->mod_start);
    assert_int_equal(si.mod_len, sizeof(module_text));
    assert_string_equal((const char *)si.cmd_line, "console=hvc0 quiet");
    assert_int_equal(si.first_p2m_pfn, r->p2m / PAGE);
    assert_int_equal(si.nr_p2m_frames, 2);
    /* The store and console MFNs are the frames at their VAs. */
    assert_int_equal(r->store_mfn, idx_to_mfn(w->f, r->start_info / PAGE + 1));
    assert_int_equal(r->console_mfn,
                     idx_to_mfn(w->f, r->start_info / PAGE + 2));
}

static void test_items_follow_in_order(void **state)
{
    struct world *w = *state;
    struct pvb_result *r = &w->res;

    /* kernel, module, P2M, start_info, store, console, tables, stack */
    assert_int_equal(r->mod_start, 0x100000 + 0x3000);
    assert_int_equal(r->p2m, r->mod_start + PAGE);
    assert_int_equal(r->start_info, r->p2m + 2 * PAGE);
    assert_int_equal(r->pt_base, r->start_info + 3 * PAGE);
    /* One L4, L3, L2 and L1 cover 0-4 MiB... the L1s: two 2 MiB blocks. */
    assert_int_equal(r->nr_pt_frames, 5);
    assert_int_equal(r->stack_top, r->pt_base + (r->nr_pt_frames + 1) * PAGE);
    assert_int_equal(r->v_end % (4 << 20), 0);
    assert_true(r->v_end - r->stack_top >= 512 * 1024);
    assert_int_equal(r->entry, 0x100010);
    assert_int_equal(r->l4_mfn, idx_to_mfn(w->f, r->pt_base / PAGE));
}

static void test_pages_hold_kernel_module_p2m_and_zeroes(void **state)
{
    struct world *w = *state;
    struct pvb_result *r = &w->res;
    const uint64_t *p2m = (const uint64_t *)at_va(w->f, r, r->p2m);
    const uint8_t *hc = at_va(w->f, r, 0x100000 + HCALL_OFF);

    assert_int_equal(*at_va(w->f, r, 0x100000), TEXT_BYTE);
    assert_int_equal(*at_va(w->f, r, 0x100000 + HCALL_OFF - 1), TEXT_BYTE);
    /* .bss: memsz beyond filesz is zeroed over the garbage. */
    for (uint64_t va = 0x102000; va < 0x103000; va++)
        assert_int_equal(*at_va(w->f, r, va), 0);
    assert_memory_equal(at_va(w->f, r, r->mod_start), module_text,
                        sizeof(module_text));
    for (uint64_t i = 0; i < NR_PAGES; i++)
        assert_int_equal(p2m[i], idx_to_mfn(w->f, i));
    /* start_info's tail, store, console and stack pages are all zero. */
    for (uint64_t va = r->start_info + sizeof(struct start_info);
         va < r->start_info + 3 * PAGE; va++)
        assert_int_equal(*at_va(w->f, r, va), 0);
    for (uint64_t va = r->stack_top - PAGE; va < r->stack_top; va++)
        assert_int_equal(*at_va(w->f, r, va), 0);
    /* Hypercall page: stub 1 (mmu_update), iret stub, 0xCC filler. */
    static const uint8_t stub1[] = { 0x51, 0x41, 0x53, 0xB8, 1, 0, 0, 0,
                                     0x0F, 0x05, 0x41, 0x5B, 0x59, 0xC3 };
    static const uint8_t iret[] = { 0x51, 0x41, 0x53, 0x50, 0xB8, 23, 0, 0,
                                    0, 0x0F, 0x05 };
    assert_memory_equal(hc + 32, stub1, sizeof(stub1));
    assert_memory_equal(hc + 23 * 32, iret, sizeof(iret));
    assert_int_equal(hc[32 + sizeof(stub1)], 0xCC);
    assert_int_equal(hc[4095], 0xCC);
}

/* Walk the built tables for va; the L1 entry, or 0 if not mapped. */
static uint64_t walk(struct world *w, uint64_t va, uint64_t flags_seen[4])
{
    uint64_t mfn = w->res.l4_mfn;

    for (int level = 4; level >= 1; level--) {
        const uint64_t *t = (const uint64_t *)frame(w->f, mfn);
        uint64_t e = t[(va >> (12 + 9 * (level - 1))) & 511];

        if (flags_seen)
            flags_seen[level - 1] = e & 0xFFF;
        if (!(e & 1))
            return 0;
        if (level == 1)
            return e;
        mfn = (e & 0x000FFFFFFFFFF000ULL) >> 12;
    }
    return 0;
}

static void check_mapping(struct world *w)
{
    struct pvb_result *r = &w->res;
    uint64_t pt_end = r->pt_base + r->nr_pt_frames * PAGE, seen[4];

    for (uint64_t va = r->virt_base; va < r->v_end; va += PAGE) {
        uint64_t e = walk(w, va, seen);
        uint64_t pfn = (va - r->virt_base) / PAGE;
        int is_table = va >= r->pt_base && va < pt_end;

        assert_int_equal(e >> 12, idx_to_mfn(w->f, pfn));
        assert_int_equal(seen[0], is_table ? 0x021 : 0x023);
        assert_int_equal(seen[1], 0x067);
        assert_int_equal(seen[2], 0x067);
        assert_int_equal(seen[3], 0x067);
    }
    assert_int_equal(walk(w, r->v_end, NULL), 0);
    if (r->virt_base)
        assert_int_equal(walk(w, r->virt_base - PAGE, NULL), 0);
}

static void test_tables_map_the_region_and_nothing_else(void **state)
{
    struct world *w = *state;
    const uint64_t *l4 = (const uint64_t *)frame(w->f, w->res.l4_mfn);
    int present = 0;

    check_mapping(w);
    for (int i = 0; i < 512; i++)
        present += l4[i] & 1;
    assert_int_equal(present, 1);
}

static void test_upper_half_kernel_is_mapped(void **state)
{
    /* A Linux-like kernel: virt_base -2 GiB, loaded 16 MiB above it. */
    struct world *w = world_new(0xFFFFFFFF80000000ULL, 0x1000000, 5120,
                                5120);
    const uint64_t *l4;

    assert_int_equal(world_build(w), 0);
    check_mapping(w);
    l4 = (const uint64_t *)frame(w->f, w->res.l4_mfn);
    assert_true(l4[511] & 1);
    for (int i = 256; i < 272; i++)
        assert_int_equal(l4[i], 0);
    assert_int_equal(w->res.entry, 0xFFFFFFFF81000010ULL);
    world_free(w);
}

static void test_vcpu0_context_follows_the_boot_protocol(void **state)
{
    struct world *w = *state;
    const struct vcpu_guest_context *c = &w->f->ctx;

    assert_true(w->f->ctx_set);
    assert_int_equal(c->flags, VGCF_in_kernel | VGCF_online);
    assert_int_equal(c->user_regs.rip, w->res.entry);
    assert_int_equal(c->user_regs.rsp, w->res.stack_top);
    assert_int_equal(c->user_regs.rsi, w->res.start_info);
    assert_int_equal(c->user_regs.rflags, 0x202);
    assert_int_equal(c->user_regs.cs, FLAT_KERNEL_CS);
    assert_int_equal(c->user_regs.ss, FLAT_KERNEL_SS);
    assert_int_equal(c->user_regs.ds | c->user_regs.es | c->user_regs.fs |
                     c->user_regs.gs, 0);
    assert_int_equal(c->user_regs.rax | c->user_regs.rbx | c->user_regs.rdi,
                     0);
    assert_int_equal(c->kernel_ss, FLAT_KERNEL_SS);
    assert_int_equal(c->kernel_sp, w->res.stack_top);
    assert_int_equal(c->ctrlreg[3], w->res.l4_mfn << 12);
    assert_int_equal(c->ctrlreg[1], 0);
    assert_int_equal(c->event_callback_eip | c->failsafe_callback_eip |
                     c->syscall_callback_eip, 0);
    assert_int_equal(c->gdt_ents | c->ldt_ents | c->vm_assist, 0);
    for (int i = 0; i < 256; i++)
        assert_int_equal(c->trap_ctxt[i].address, 0);
}

static void test_pin_comes_after_all_writes_and_before_context(void **state)
{
    struct world *w = *state;
    const char *log = w->f->log;
    const char *pin = strchr(log, 'L');

    assert_int_equal(w->f->pinned, w->res.l4_mfn);
    assert_int_equal(w->f->pin_maps, 0);
    assert_int_equal(w->f->max_live_maps, 1);
    assert_non_null(pin);
    /* Populate after the P2M allocation, before any mapping. */
    assert_true(strchr(log, 'P') < strchr(log, 'm'));
    assert_null(strchr(pin, 'm'));
    assert_true(strchr(pin, 'C') != NULL);
    assert_int_equal(w->f->nr_calls[OP_PIN], 1);
    assert_int_equal(w->f->nr_calls[OP_CTX], 1);
    assert_int_equal(w->f->live_maps, 0);
    assert_int_equal(w->f->live_allocs, 0);
}

static void test_long_cmdline_is_truncated(void **state)
{
    struct world *w = world_new(0, 0x100000, NR_PAGES, NR_PAGES);
    char *line = malloc(2000);
    struct start_info si;

    memset(line, 'x', 1999);
    line[1999] = 0;
    w->cfg.cmdline = line;
    w->cfg.module = NULL;
    w->cfg.module_size = 0;
    assert_int_equal(world_build(w), 0);
    memcpy(&si, at_va(w->f, &w->res, w->res.start_info), sizeof(si));
    assert_int_equal(strlen((const char *)si.cmd_line), 1023);
    assert_int_equal(si.mod_start, 0);
    assert_int_equal(si.mod_len, 0);
    assert_int_equal(w->res.p2m, 0x103000);
    free(line);
    world_free(w);
}

/* One failure case: which call fails, and what pvb_build returns. */
struct fail_case {
    const char *name;
    enum op op;
    int at;
    int rc;
};

static const struct fail_case fail_cases[] = {
    { "P2M allocation", OP_ALLOC, 1, -XEN_ENOMEM },
    { "context allocation", OP_ALLOC, 2, -XEN_ENOMEM },
    { "populate", OP_POPULATE, 1, -XEN_EIO },
    { "first map (kernel)", OP_MAP, 1, -XEN_EFAULT },
    { "third map (.bss)", OP_MAP, 3, -XEN_EFAULT },
    { "a map in the P2M", OP_MAP, 5, -XEN_EFAULT },
    { "the console page", OP_MAP, 9, -XEN_EFAULT },
    { "a map of a table", OP_MAP, 11, -XEN_EFAULT },
    { "the stack", OP_MAP, 15, -XEN_EFAULT },
    { "last map (hypercall page)", OP_MAP, 16, -XEN_EFAULT },
    { "pin", OP_PIN, 1, -XEN_EIO },
    { "set context", OP_CTX, 1, -XEN_EIO },
};

static void test_every_failure_is_reported_and_leaks_nothing(void **state)
{
    for (size_t i = 0; i < sizeof(fail_cases) / sizeof(fail_cases[0]); i++) {
        const struct fail_case *fc = &fail_cases[i];
        struct world *w = world_new(0, 0x100000, NR_PAGES, NR_PAGES);
        int rc;

        w->f->fail_op = fc->op;
        w->f->fail_at = fc->at;
        rc = world_build(w);
        printf("# %s: %d (%s)\n", fc->name, rc, w->why);
        assert_int_equal(rc, fc->rc);
        assert_true(w->why && *w->why);
        assert_int_equal(w->f->nr_calls[fc->op], fc->at);
        assert_int_equal(w->f->live_maps, 0);
        assert_int_equal(w->f->live_allocs, 0);
        if (fc->op != OP_CTX)
            assert_false(w->f->ctx_set);
        world_free(w);
    }
}

static void test_map_count_matches_the_image(void **state)
{
    /* kernel 3, module 1, P2M 2, start_info 1, store+console 2, tables 5,
     * stack 1, hypercall page 1: the failure table above relies on it. */
    struct world *w = *state;

    assert_int_equal(w->f->nr_calls[OP_MAP], 16);
}

static void test_bad_images_and_sizes_touch_nothing(void **state)
{
    struct {
        const char *name;
        uint64_t nr_pages;
        int corrupt;
        int rc;
    } cases[] = {
        { "not an ELF", NR_PAGES, 1, -XEN_ENOEXEC },
        { "too few pages", 512, 0, -XEN_ENOMEM },
        { "no pages", 0, 0, -XEN_EINVAL },
        { "absurd page count", 1ULL << 40, 0, -XEN_EINVAL },
    };

    for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
        struct world *w = world_new(0, 0x100000, cases[i].nr_pages, 16);

        if (cases[i].corrupt)
            w->img.bytes[0] = 0;
        assert_int_equal(world_build(w), cases[i].rc);
        assert_true(w->why && *w->why);
        assert_int_equal(w->f->log_len, 0);
        world_free(w);
    }
}

static void test_populate_short_of_frames_fails_cleanly(void **state)
{
    /* The machine has fewer frames than the domain wants. */
    struct world *w = world_new(0, 0x100000, NR_PAGES, NR_PAGES - 1);

    assert_int_equal(world_build(w), -XEN_ENOMEM);
    assert_int_equal(w->f->nr_calls[OP_MAP], 0);
    assert_int_equal(w->f->live_allocs, 0);
    world_free(w);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_start_info_has_every_field,
                                        setup, teardown),
        cmocka_unit_test_setup_teardown(test_items_follow_in_order, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(
            test_pages_hold_kernel_module_p2m_and_zeroes, setup, teardown),
        cmocka_unit_test_setup_teardown(
            test_tables_map_the_region_and_nothing_else, setup, teardown),
        cmocka_unit_test(test_upper_half_kernel_is_mapped),
        cmocka_unit_test_setup_teardown(
            test_vcpu0_context_follows_the_boot_protocol, setup, teardown),
        cmocka_unit_test_setup_teardown(
            test_pin_comes_after_all_writes_and_before_context, setup,
            teardown),
        cmocka_unit_test(test_long_cmdline_is_truncated),
        cmocka_unit_test_setup_teardown(test_map_count_matches_the_image,
                                        setup, teardown),
        cmocka_unit_test(test_every_failure_is_reported_and_leaks_nothing),
        cmocka_unit_test(test_bad_images_and_sizes_touch_nothing),
        cmocka_unit_test(test_populate_short_of_frames_fails_cleanly),
    };

    return cmocka_run_group_tests(tests, NULL, NULL);
}
