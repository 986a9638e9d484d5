/* SPDX-License-Identifier: MIT */
/*
 * Tests of hv/domain/pv-elf.c: images built in memory from a valid PV
 * kernel layout, each case breaking one rule of the boot protocol.
 */
#include <glob.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include <abi/elfnote.h>
#include <abi/errno.h>
#include <abi/features.h>

#include "hv/domain/pv-elf.h"

/* ------------------------------------------------------------ builder */

/* Where the builder puts things in the file. */
#define PH_OFF     0x40
#define NOTE_OFF   0x200
#define GNU_OFF    0xD00
#define SH_OFF     0xE00
#define LOAD_OFF   0x1000
#define IMG_MAX    0x10000
#define PH_SIZE    56
#define SH_SIZE    64

#define VIRT_BASE  0xFFFFFFFF80000000ULL
#define KSTART     0xFFFFFFFF81000000ULL
#define KEND       (KSTART + 0x4000)
#define P2M_VA     0xFFFFEA0000000000ULL

enum notes_where { IN_PHDR, IN_SECTION, IN_BOTH, IN_SECTION_PH_AT_0 };

struct note_spec {
    const char *name;          /* NULL: "Xen" */
    uint32_t namesz;           /* 0: strlen(name) + 1 */
    uint32_t type;
    uint32_t descsz;
    uint8_t desc[80];
};

struct load_spec {
    uint64_t offset, paddr, filesz, memsz;
};

struct spec {
    uint8_t ident[16];
    uint16_t type, machine, phentsize, shentsize;
    uint64_t entry;
    struct load_spec load[3];
    int nr_load;
    struct note_spec notes[20];
    int nr_notes;
    enum notes_where where;
    bool gnu_phdr;             /* a PT_NOTE holding only a GNU note */
    uint32_t trailing;         /* bytes after the last note */
    size_t size;               /* file size */
};

static uint8_t image[IMG_MAX];

static void put16(uint8_t *p, uint16_t v)
{
    p[0] = v;
    p[1] = v >> 8;
}

static void put32(uint8_t *p, uint32_t v)
{
    put16(p, v);
    put16(p + 2, v >> 16);
}

static void put64(uint8_t *p, uint64_t v)
{
    put32(p, v);
    put32(p + 4, v >> 32);
}

static struct note_spec *find_note(struct spec *s, uint32_t type)
{
    for (int i = 0; i < s->nr_notes; i++)
        if (s->notes[i].name == NULL && s->notes[i].type == type)
            return &s->notes[i];
    assert_true(s->nr_notes < (int)(sizeof(s->notes) / sizeof(s->notes[0])));
    s->notes[s->nr_notes].type = type;
    return &s->notes[s->nr_notes++];
}

/* Set (or replace) the numeric Xen note type, descsz bytes wide. */
static void set_num(struct spec *s, uint32_t type, uint64_t val,
                    uint32_t descsz)
{
    struct note_spec *n = find_note(s, type);

    n->descsz = descsz;
    memset(n->desc, 0, sizeof(n->desc));
    if (descsz == 4)
        put32(n->desc, val);
    else
        put64(n->desc, val);
}

static void set_str(struct spec *s, uint32_t type, const char *str)
{
    struct note_spec *n = find_note(s, type);

    n->descsz = strlen(str) + 1;
    assert_true(n->descsz <= sizeof(n->desc));
    memcpy(n->desc, str, n->descsz);
}

static void del_note(struct spec *s, uint32_t type)
{
    for (int i = 0; i < s->nr_notes; i++)
        if (s->notes[i].name == NULL && s->notes[i].type == type) {
            s->notes[i] = s->notes[--s->nr_notes];
            return;
        }
}

/* A Linux-like kernel at VIRT_BASE + 16 MiB with every note we read. */
static void default_spec(struct spec *s)
{
    static const uint8_t ident[16] = { 0x7F, 'E', 'L', 'F', 2, 1, 1 };

    memset(s, 0, sizeof(*s));
    memcpy(s->ident, ident, sizeof(ident));
    s->type = 2;
    s->machine = 62;
    s->phentsize = PH_SIZE;
    s->shentsize = SH_SIZE;
    s->entry = KSTART;
    s->load[0] = (struct load_spec){ LOAD_OFF, 0x1000000, 0x3000, 0x4000 };
    s->nr_load = 1;
    s->size = LOAD_OFF + 0x3000;
    set_str(s, XEN_ELFNOTE_GUEST_OS, "linux");
    set_str(s, XEN_ELFNOTE_GUEST_VERSION, "2.6");
    set_str(s, XEN_ELFNOTE_XEN_VERSION, "xen-3.0");
    set_str(s, XEN_ELFNOTE_LOADER, "generic");
    set_num(s, XEN_ELFNOTE_VIRT_BASE, VIRT_BASE, 8);
    set_num(s, XEN_ELFNOTE_PADDR_OFFSET, 0, 8);
    set_num(s, XEN_ELFNOTE_ENTRY, KSTART + 0x10, 8);
    set_num(s, XEN_ELFNOTE_HYPERCALL_PAGE, KSTART + 0x1000, 8);
    set_num(s, XEN_ELFNOTE_INIT_P2M, P2M_VA, 8);
    set_str(s, XEN_ELFNOTE_FEATURES,
            "!writable_page_tables|pae_pgdir_above_4gb");
    set_num(s, XEN_ELFNOTE_SUPPORTED_FEATURES, 1U << XENFEAT_dom0, 4);
    set_num(s, XEN_ELFNOTE_MOD_START_PFN, 1, 4);
    set_num(s, XEN_ELFNOTE_SUSPEND_CANCEL, 1, 4);
    set_str(s, XEN_ELFNOTE_BSD_SYMTAB, "yes");
    set_num(s, XEN_ELFNOTE_INFO, 0, 2);   /* ignored, any size */
}

static size_t emit_note(uint8_t *p, const struct note_spec *n)
{
    const char *name = n->name ? n->name : "Xen";
    uint32_t namesz = n->namesz ? n->namesz : strlen(name) + 1;
    size_t len = 12;

    put32(p, namesz);
    put32(p + 4, n->descsz);
    put32(p + 8, n->type);
    memcpy(p + len, name, strlen(name) + 1 < namesz ? strlen(name) + 1
                                                    : namesz);
    len += (namesz + 3) & ~3U;
    memcpy(p + len, n->desc, n->descsz);
    len += (n->descsz + 3) & ~3U;
    return len;
}

static void emit_phdr(int i, uint32_t type, uint64_t off, uint64_t paddr,
                      uint64_t filesz, uint64_t memsz)
{
    uint8_t *p = image + PH_OFF + i * PH_SIZE;

    put32(p, type);
    put32(p + 4, 5);
    put64(p + 8, off);
    put64(p + 16, paddr);
    put64(p + 24, paddr);
    put64(p + 32, filesz);
    put64(p + 40, memsz);
    put64(p + 48, type == 1 ? 0x1000 : 4);
}

/* Serialize s into image[]; returns the file size. */
static size_t build(const struct spec *s)
{
    size_t notes_len = 0;
    int nph = 0, nsh = 0;

    memset(image, 0, sizeof(image));
    memcpy(image, s->ident, 16);
    put16(image + 16, s->type);
    put16(image + 18, s->machine);
    put32(image + 20, 1);
    put64(image + 24, s->entry);
    put64(image + 32, PH_OFF);
    put16(image + 52, 64);
    put16(image + 54, s->phentsize);
    put16(image + 58, s->shentsize);

    for (int i = 0; i < s->nr_notes; i++)
        notes_len += emit_note(image + NOTE_OFF + notes_len, &s->notes[i]);
    assert_true(NOTE_OFF + notes_len + s->trailing <= GNU_OFF);

    for (int i = 0; i < s->nr_load; i++) {
        const struct load_spec *l = &s->load[i];

        emit_phdr(nph++, 1, l->offset, l->paddr, l->filesz, l->memsz);
        if (l->offset < IMG_MAX)
            for (uint64_t b = 0; b < l->filesz && l->offset + b < IMG_MAX;
                 b++)
                image[l->offset + b] = (uint8_t)(b * 7 + i);
    }
    if (s->where == IN_PHDR || s->where == IN_BOTH)
        emit_phdr(nph++, 4, NOTE_OFF, 0, notes_len + s->trailing, 0);
    if (s->where == IN_SECTION_PH_AT_0)
        emit_phdr(nph++, 4, 0, 0, 0x40, 0);
    if (s->gnu_phdr) {
        struct note_spec gnu = { .name = "GNU", .type = 3, .descsz = 8 };

        emit_phdr(nph++, 4, GNU_OFF, 0, emit_note(image + GNU_OFF, &gnu), 0);
    }
    put16(image + 56, nph);

    if (s->where != IN_PHDR) {
        uint8_t *sh = image + SH_OFF + SH_SIZE;   /* [0] is the null one */

        put32(sh + 4, 7);
        put64(sh + 24, NOTE_OFF);
        put64(sh + 32, notes_len + s->trailing);
        put64(sh + 48, 4);
        nsh = 2;
        put64(image + 40, SH_OFF);
    }
    put16(image + 60, nsh);
    return s->size;
}

/* ------------------------------------------------------------ cases */

typedef void mutate_fn(struct spec *s);
typedef void patch_fn(uint8_t *img, size_t *size);

#define PH(i) (image + PH_OFF + (i) * PH_SIZE)

static void m_none(struct spec *s) { (void)s; }
static void m_bad_magic(struct spec *s) { s->ident[1] = 'e'; }
static void m_class32(struct spec *s) { s->ident[4] = 1; }
static void m_big_endian(struct spec *s) { s->ident[5] = 2; }
static void m_bad_version(struct spec *s) { s->ident[6] = 0; }
static void m_et_dyn(struct spec *s) { s->type = 3; }
static void m_i386(struct spec *s) { s->machine = 3; }
static void m_phentsize(struct spec *s) { s->phentsize = 32; }
static void m_shentsize(struct spec *s)
{
    s->where = IN_BOTH;
    s->shentsize = 40;
}
static void m_no_load(struct spec *s) { s->nr_load = 0; }
static void m_empty_load(struct spec *s)
{
    s->load[0].filesz = 0;
    s->load[0].memsz = 0;
}
static void m_load_past_end(struct spec *s) { s->load[0].filesz = 0x3001; }
static void m_load_offset_wraps(struct spec *s)
{
    s->load[0].offset = UINT64_MAX - 0xFFF;
}
static void m_memsz_below_filesz(struct spec *s) { s->load[0].memsz = 0x2000; }
static void m_sections_only(struct spec *s) { s->where = IN_SECTION; }
static void m_both(struct spec *s) { s->where = IN_BOTH; }
static void m_ph_at_zero(struct spec *s) { s->where = IN_SECTION_PH_AT_0; }
static void m_gnu_then_sections(struct spec *s)
{
    s->where = IN_SECTION;
    s->gnu_phdr = true;
}
static void m_only_gnu(struct spec *s)
{
    s->nr_notes = 0;
    s->gnu_phdr = true;
}
static void m_no_notes(struct spec *s) { s->nr_notes = 0; }
static void m_name_without_nul(struct spec *s)
{
    for (int i = 0; i < s->nr_notes; i++)
        s->notes[i].namesz = 3;
}
static void m_odd_foreign_note_first(struct spec *s)
{
    memmove(&s->notes[1], &s->notes[0], s->nr_notes * sizeof(s->notes[0]));
    s->notes[0] = (struct note_spec){ .name = "abcdefg", .type = 1,
                                      .descsz = 5, .desc = "1234" };
    s->nr_notes++;
}
static void m_trailing_bytes(struct spec *s) { s->trailing = 8; }
static void m_trailing_note_hdr(struct spec *s) { s->trailing = 12; }
static void m_num_2_bytes(struct spec *s)
{
    set_num(s, XEN_ELFNOTE_VIRT_BASE, VIRT_BASE, 8);
    find_note(s, XEN_ELFNOTE_VIRT_BASE)->descsz = 2;
}
static void m_num_16_bytes(struct spec *s)
{
    find_note(s, XEN_ELFNOTE_ENTRY)->descsz = 16;
}
static void m_num_4_bytes(struct spec *s)
{
    /* A lower-half kernel, as XTF builds them: 4-byte numbers suffice. */
    set_num(s, XEN_ELFNOTE_VIRT_BASE, 0, 4);
    set_num(s, XEN_ELFNOTE_ENTRY, 0x100000, 4);
    set_num(s, XEN_ELFNOTE_HYPERCALL_PAGE, 0x101000, 4);
    del_note(s, XEN_ELFNOTE_INIT_P2M);
    s->load[0].paddr = 0x100000;
}
static void m_str_no_nul(struct spec *s)
{
    struct note_spec *n = find_note(s, XEN_ELFNOTE_GUEST_OS);

    n->descsz = 5;     /* "linux" without its NUL */
}
static void m_str_empty_desc(struct spec *s)
{
    find_note(s, XEN_ELFNOTE_LOADER)->descsz = 0;
}
static void m_long_strings(struct spec *s)
{
    set_str(s, XEN_ELFNOTE_GUEST_VERSION,
            "0123456789012345678901234567890123456789");
}
static void m_loader_only(struct spec *s)
{
    set_str(s, XEN_ELFNOTE_GUEST_OS, "Mini-OS");
}
static void m_guest_os_only(struct spec *s)
{
    del_note(s, XEN_ELFNOTE_LOADER);
}
static void m_neither(struct spec *s)
{
    set_str(s, XEN_ELFNOTE_GUEST_OS, "Mini-OS");
    set_str(s, XEN_ELFNOTE_LOADER, "special");
}
static void m_linux_prefix(struct spec *s)
{
    set_str(s, XEN_ELFNOTE_GUEST_OS, "linux-6.1");
    set_str(s, XEN_ELFNOTE_LOADER, "other");
}
static void m_xen_version_4(struct spec *s)
{
    set_str(s, XEN_ELFNOTE_XEN_VERSION, "xen-4.0");
}
static void m_xen_version_none(struct spec *s)
{
    del_note(s, XEN_ELFNOTE_XEN_VERSION);
}
static void m_xen_version_short(struct spec *s)
{
    set_str(s, XEN_ELFNOTE_XEN_VERSION, "xen-3");
}
static void m_req_autotrans(struct spec *s)
{
    set_str(s, XEN_ELFNOTE_FEATURES, "writable_page_tables|"
                                     "!auto_translated_physmap");
}
static void m_opt_autotrans(struct spec *s)
{
    set_str(s, XEN_ELFNOTE_FEATURES, "auto_translated_physmap");
}
static void m_req_smk(struct spec *s)
{
    set_str(s, XEN_ELFNOTE_FEATURES, "!supervisor_mode_kernel");
}
static void m_req_unknown(struct spec *s)
{
    set_str(s, XEN_ELFNOTE_FEATURES, "dom0|!hvm_safe_pvclock");
}
static void m_opt_unknown(struct spec *s)
{
    set_str(s, XEN_ELFNOTE_FEATURES, "no_such_thing|dom0||");
}
static void m_bang_alone(struct spec *s)
{
    set_str(s, XEN_ELFNOTE_FEATURES, "dom0|!");
}
static void m_prefix_name(struct spec *s)
{
    /* "!dom" is neither "dom0" nor anything else we know. */
    set_str(s, XEN_ELFNOTE_FEATURES, "!dom");
}
static void m_no_entry_note(struct spec *s)
{
    del_note(s, XEN_ELFNOTE_ENTRY);
    s->entry = KSTART + 0x20;
}
static void m_entry_below(struct spec *s)
{
    set_num(s, XEN_ELFNOTE_ENTRY, KSTART - 1, 8);
}
static void m_entry_at_end(struct spec *s)
{
    set_num(s, XEN_ELFNOTE_ENTRY, KEND, 8);
}
static void m_entry_last_byte(struct spec *s)
{
    set_num(s, XEN_ELFNOTE_ENTRY, KEND - 1, 8);
}
static void m_virt_base_above(struct spec *s)
{
    /* The segment lands at VIRT_BASE + 16 MiB, below VIRT_BASE + 32 MiB. */
    set_num(s, XEN_ELFNOTE_VIRT_BASE, VIRT_BASE + 0x2000000, 8);
    set_num(s, XEN_ELFNOTE_PADDR_OFFSET, 0x2000000, 8);
}
static void m_virt_base_unaligned(struct spec *s)
{
    set_num(s, XEN_ELFNOTE_VIRT_BASE, VIRT_BASE + 8, 8);
    set_num(s, XEN_ELFNOTE_PADDR_OFFSET, 8, 8);
}
static void m_legacy_paddr_offset(struct spec *s)
{
    /* p_paddr holds the VA itself and PADDR_OFFSET cancels VIRT_BASE. */
    set_num(s, XEN_ELFNOTE_PADDR_OFFSET, VIRT_BASE, 8);
    s->load[0].paddr = KSTART;
}
static void m_p2m_inside(struct spec *s)
{
    set_num(s, XEN_ELFNOTE_INIT_P2M, KSTART + 0x2000, 8);
}
static void m_p2m_at_end(struct spec *s)
{
    set_num(s, XEN_ELFNOTE_INIT_P2M, KEND, 8);
}
static void m_p2m_noncanonical(struct spec *s)
{
    set_num(s, XEN_ELFNOTE_INIT_P2M, 0x0000800000000000ULL, 8);
}
static void m_p2m_in_hv_hole(struct spec *s)
{
    set_num(s, XEN_ELFNOTE_INIT_P2M, 0xFFFF830000000000ULL, 8);
}
static void m_no_hypercall_page(struct spec *s)
{
    del_note(s, XEN_ELFNOTE_HYPERCALL_PAGE);
}
static void m_hcpage_unaligned(struct spec *s)
{
    set_num(s, XEN_ELFNOTE_HYPERCALL_PAGE, KSTART + 0x1008, 8);
}
static void m_hcpage_outside(struct spec *s)
{
    set_num(s, XEN_ELFNOTE_HYPERCALL_PAGE, KEND, 8);
}
static void m_hcpage_below(struct spec *s)
{
    set_num(s, XEN_ELFNOTE_HYPERCALL_PAGE, KSTART - 0x1000, 8);
}
static void m_hcpage_partial(struct spec *s)
{
    s->load[0].memsz = 0x3800;
    set_num(s, XEN_ELFNOTE_HYPERCALL_PAGE, KSTART + 0x3000, 8);
}
static void m_hcpage_last(struct spec *s)
{
    set_num(s, XEN_ELFNOTE_HYPERCALL_PAGE, KSTART + 0x3000, 8);
}
static void m_noncanonical(struct spec *s)
{
    set_num(s, XEN_ELFNOTE_VIRT_BASE, 0x0000800000000000ULL, 8);
    set_num(s, XEN_ELFNOTE_ENTRY, 0x0000800001000000ULL, 8);
    del_note(s, XEN_ELFNOTE_HYPERCALL_PAGE);
}
static void m_crosses_canonical_end(struct spec *s)
{
    set_num(s, XEN_ELFNOTE_VIRT_BASE, 0, 8);
    set_num(s, XEN_ELFNOTE_ENTRY, 0x00007FFFFFFFF000ULL, 8);
    del_note(s, XEN_ELFNOTE_HYPERCALL_PAGE);
    s->load[0].paddr = 0x00007FFFFFFFF000ULL;
}
static void m_in_hv_hole(struct spec *s)
{
    set_num(s, XEN_ELFNOTE_VIRT_BASE, 0xFFFF830000000000ULL, 8);
    set_num(s, XEN_ELFNOTE_ENTRY, 0xFFFF830001000000ULL, 8);
    del_note(s, XEN_ELFNOTE_HYPERCALL_PAGE);
}
static void m_into_hv_hole_from_above(struct spec *s)
{
    /* VIRT_BASE just above the hole, a segment wrapping down into it. */
    set_num(s, XEN_ELFNOTE_VIRT_BASE, 0xFFFF880000000000ULL, 8);
    set_num(s, XEN_ELFNOTE_PADDR_OFFSET, 0x1000, 8);
    set_num(s, XEN_ELFNOTE_ENTRY, 0xFFFF880000000000ULL, 8);
    del_note(s, XEN_ELFNOTE_HYPERCALL_PAGE);
    s->load[0].paddr = 0;
}
static void m_just_above_hv_hole(struct spec *s)
{
    set_num(s, XEN_ELFNOTE_VIRT_BASE, 0xFFFF880000000000ULL, 8);
    set_num(s, XEN_ELFNOTE_ENTRY, 0xFFFF880000000000ULL, 8);
    del_note(s, XEN_ELFNOTE_HYPERCALL_PAGE);
    s->load[0].paddr = 0;
}
static void m_wraps_at_top(struct spec *s)
{
    s->load[0].paddr = 0x7FFFF000;   /* + VIRT_BASE: last page of VA space */
    s->load[0].filesz = 0x1000;
    s->load[0].memsz = 0x2000;
    set_num(s, XEN_ELFNOTE_ENTRY, VIRT_BASE + 0x7FFFF000, 8);
    del_note(s, XEN_ELFNOTE_HYPERCALL_PAGE);
}
static void m_ends_at_top(struct spec *s)
{
    /* Ends exactly at 2^64: kend (exclusive) would not fit in 64 bits. */
    s->load[0].paddr = 0x7FFFC000;
    set_num(s, XEN_ELFNOTE_ENTRY, VIRT_BASE + 0x7FFFC000, 8);
    del_note(s, XEN_ELFNOTE_HYPERCALL_PAGE);
    del_note(s, XEN_ELFNOTE_INIT_P2M);
}
static void m_two_halves(struct spec *s)
{
    set_num(s, XEN_ELFNOTE_VIRT_BASE, 0, 8);
    set_num(s, XEN_ELFNOTE_ENTRY, 0x400000, 8);
    del_note(s, XEN_ELFNOTE_HYPERCALL_PAGE);
    s->load[0].paddr = 0x400000;
    s->load[1] = (struct load_spec){ LOAD_OFF, 0xFFFFFFFF81000000ULL,
                                     0x1000, 0x1000 };
    s->nr_load = 2;
}
static void m_two_segments(struct spec *s)
{
    s->load[1] = (struct load_spec){ LOAD_OFF + 0x2000, 0x1100000,
                                     0x1000, 0x3000 };
    s->nr_load = 2;
}

static void p_phoff_past_end(uint8_t *img, size_t *size)
{
    (void)size;
    img[32] = 0xF0;
    img[33] = 0x3F;
}
static void p_phoff_wraps(uint8_t *img, size_t *size)
{
    (void)size;
    put64(img + 32, UINT64_MAX - 8);
}
static void p_phnum_xnum(uint8_t *img, size_t *size)
{
    (void)size;
    put16(img + 56, 0xFFFF);
}
static void p_shoff_past_end(uint8_t *img, size_t *size)
{
    (void)size;
    put64(img + 40, *size - 10);
}
static void p_truncated_ehdr(uint8_t *img, size_t *size)
{
    (void)img;
    *size = 63;
}
static void p_note_seg_past_end(uint8_t *img, size_t *size)
{
    put64(PH(1) + 32, *size);
}
static void p_note_seg_wraps(uint8_t *img, size_t *size)
{
    (void)size;
    put64(PH(1) + 32, UINT64_MAX - 0x100);
}
static void p_note_seg_at_zero(uint8_t *img, size_t *size)
{
    /* Offset 0 marks "not notes": the note segment is ignored. */
    (void)size;
    put64(PH(1) + 8, 0);
}
static void p_note_desc_huge(uint8_t *img, size_t *size)
{
    (void)size;
    put32(img + NOTE_OFF + 4, 0xFFFFFFFF);
}
static void p_note_name_huge(uint8_t *img, size_t *size)
{
    (void)size;
    put32(img + NOTE_OFF, 0xFFFFFFFD);
}
static void p_section_bad_but_unused(uint8_t *img, size_t *size)
{
    /* Segments have the notes: a broken note section is never read. */
    put64(img + SH_OFF + SH_SIZE + 24, *size + 0x1000);
}
static void p_many_note_headers(uint8_t *img, size_t *size)
{
    /* 24 sections all naming the same 48 KiB of empty notes: 1.1 MiB. */
    uint8_t *sh = img + SH_OFF;

    *size = 0x10000;
    for (int i = 0; i < 24; i++, sh += SH_SIZE) {
        memset(sh, 0, SH_SIZE);
        put32(sh + 4, 7);
        put64(sh + 24, 0x4000);
        put64(sh + 32, 0xC000);
    }
    put16(img + 60, 24);
    put64(img + 40, SH_OFF);
}
static void p_section_bad(uint8_t *img, size_t *size)
{
    put64(img + SH_OFF + SH_SIZE + 32, *size);
}

struct parse_case {
    const char *name;
    mutate_fn *mutate;
    patch_fn *patch;
    int expect;
};

#define OK 0
#define NOEXEC (-XEN_ENOEXEC)
#define INVAL (-XEN_EINVAL)
#define NOTSUP (-XEN_EOPNOTSUPP)

static const struct parse_case cases[] = {
    { "valid linux-like kernel",          m_none, NULL, OK },
    /* ELF identity */
    { "bad magic",                        m_bad_magic, NULL, NOEXEC },
    { "ELF32",                            m_class32, NULL, NOEXEC },
    { "big-endian",                       m_big_endian, NULL, NOEXEC },
    { "unknown ELF version",              m_bad_version, NULL, NOEXEC },
    { "ET_DYN",                           m_et_dyn, NULL, NOEXEC },
    { "i386 machine",                     m_i386, NULL, NOEXEC },
    { "truncated ELF header",             m_none, p_truncated_ehdr, NOEXEC },
    /* headers and segments inside the file */
    { "bad phentsize",                    m_phentsize, NULL, INVAL },
    { "bad shentsize",                    m_shentsize, NULL, INVAL },
    { "phdrs past end",                   m_none, p_phoff_past_end, INVAL },
    { "phoff wraps",                      m_none, p_phoff_wraps, INVAL },
    { "PN_XNUM phnum",                    m_none, p_phnum_xnum, INVAL },
    { "shdrs past end",                   m_both, p_shoff_past_end, INVAL },
    { "no PT_LOAD",                       m_no_load, NULL, NOEXEC },
    { "only empty PT_LOAD",               m_empty_load, NULL, INVAL },
    { "PT_LOAD past end",                 m_load_past_end, NULL, INVAL },
    { "PT_LOAD offset wraps",             m_load_offset_wraps, NULL, INVAL },
    { "memsz below filesz",               m_memsz_below_filesz, NULL, INVAL },
    { "two segments",                     m_two_segments, NULL, OK },
    /* where notes come from */
    { "notes in sections only",           m_sections_only, NULL, OK },
    { "notes in segment and section",     m_both, NULL, OK },
    { "PT_NOTE at offset 0 skipped",      m_ph_at_zero, NULL, OK },
    { "PT_NOTE at 0, no sections",        m_none, p_note_seg_at_zero, NOEXEC },
    { "GNU PT_NOTE, Xen in sections",     m_gnu_then_sections, NULL, OK },
    { "only a GNU note",                  m_only_gnu, NULL, NOEXEC },
    { "no notes at all",                  m_no_notes, NULL, NOEXEC },
    { "name \"Xen\" without NUL",         m_name_without_nul, NULL, NOEXEC },
    { "odd-sized foreign note first",     m_odd_foreign_note_first, NULL, OK },
    { "trailing bytes after notes",       m_trailing_bytes, NULL, OK },
    { "trailing empty note",              m_trailing_note_hdr, NULL, OK },
    { "PT_NOTE past end",                 m_none, p_note_seg_past_end, INVAL },
    { "PT_NOTE size wraps",               m_none, p_note_seg_wraps, INVAL },
    { "note desc past segment",           m_none, p_note_desc_huge, INVAL },
    { "note name past segment",           m_none, p_note_name_huge, INVAL },
    { "bad note section unused",          m_both, p_section_bad_but_unused,
      OK },
    { "notes over the 1 MiB budget",      m_sections_only, p_many_note_headers,
      INVAL },
    { "note section past end",            m_sections_only, p_section_bad,
      INVAL },
    /* note contents */
    { "numeric note of 2 bytes",          m_num_2_bytes, NULL, INVAL },
    { "numeric note of 16 bytes",         m_num_16_bytes, NULL, INVAL },
    { "4-byte numbers, low kernel",       m_num_4_bytes, NULL, OK },
    { "string without NUL (Linux FEATURES)", m_str_no_nul, NULL, OK },
    { "string of 0 bytes",                m_str_empty_desc, NULL, INVAL },
    { "long string truncated",            m_long_strings, NULL, OK },
    /* acceptance */
    { "LOADER generic, GUEST_OS other",   m_loader_only, NULL, OK },
    { "GUEST_OS linux, no LOADER",        m_guest_os_only, NULL, OK },
    { "GUEST_OS linux-6.1",               m_linux_prefix, NULL, OK },
    { "neither generic nor linux",        m_neither, NULL, NOEXEC },
    { "XEN_VERSION xen-4.0",              m_xen_version_4, NULL, NOEXEC },
    { "XEN_VERSION xen-3",                m_xen_version_short, NULL, NOEXEC },
    { "no XEN_VERSION",                   m_xen_version_none, NULL, NOEXEC },
    /* features */
    { "requires auto_translated_physmap", m_req_autotrans, NULL, NOTSUP },
    { "supports auto_translated_physmap", m_opt_autotrans, NULL, OK },
    { "requires supervisor_mode_kernel",  m_req_smk, NULL, NOTSUP },
    { "requires unknown feature",         m_req_unknown, NULL, NOTSUP },
    { "supports unknown feature",         m_opt_unknown, NULL, OK },
    { "lone '!'",                         m_bang_alone, NULL, NOTSUP },
    { "required name prefix only",        m_prefix_name, NULL, NOTSUP },
    /* addresses */
    { "entry from e_entry",               m_no_entry_note, NULL, OK },
    { "entry below image",                m_entry_below, NULL, INVAL },
    { "entry at kend",                    m_entry_at_end, NULL, INVAL },
    { "entry at last byte",               m_entry_last_byte, NULL, OK },
    { "VIRT_BASE above image",            m_virt_base_above, NULL, INVAL },
    { "VIRT_BASE unaligned",              m_virt_base_unaligned, NULL, INVAL },
    { "PADDR_OFFSET = VIRT_BASE",         m_legacy_paddr_offset, NULL, OK },
    { "INIT_P2M inside image",            m_p2m_inside, NULL, INVAL },
    { "INIT_P2M at kend",                 m_p2m_at_end, NULL, OK },
    { "INIT_P2M non-canonical",           m_p2m_noncanonical, NULL, INVAL },
    { "INIT_P2M in hypervisor range",     m_p2m_in_hv_hole, NULL, INVAL },
    { "no HYPERCALL_PAGE",                m_no_hypercall_page, NULL, OK },
    { "HYPERCALL_PAGE unaligned",         m_hcpage_unaligned, NULL, INVAL },
    { "HYPERCALL_PAGE at kend",           m_hcpage_outside, NULL, INVAL },
    { "HYPERCALL_PAGE below image",       m_hcpage_below, NULL, INVAL },
    { "HYPERCALL_PAGE half outside",      m_hcpage_partial, NULL, INVAL },
    { "HYPERCALL_PAGE last page",         m_hcpage_last, NULL, OK },
    { "non-canonical image",              m_noncanonical, NULL, INVAL },
    { "image crosses canonical end",      m_crosses_canonical_end, NULL,
      INVAL },
    { "image in hypervisor range",        m_in_hv_hole, NULL, INVAL },
    { "segment reaching into hv range",   m_into_hv_hole_from_above, NULL,
      INVAL },
    { "image just above hv range",        m_just_above_hv_hole, NULL, OK },
    { "segment wraps past 2^64",          m_wraps_at_top, NULL, INVAL },
    { "segment ends at 2^64",             m_ends_at_top, NULL, INVAL },
    { "segments in both halves",          m_two_halves, NULL, INVAL },
};

static void test_parse_table(void **state)
{
    int failures = 0;

    (void)state;
    for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
        const struct parse_case *c = &cases[i];
        struct pv_elf_info info;
        const char *why = NULL;
        struct spec s;
        size_t size;
        int rc;

        default_spec(&s);
        c->mutate(&s);
        size = build(&s);
        if (c->patch)
            c->patch(image, &size);
        rc = pv_elf_parse(image, size, &info, &why);
        if (rc != c->expect) {
            print_error("case \"%s\": got %d (%s), expected %d\n", c->name,
                        rc, why ? why : "(null)", c->expect);
            failures++;
        }
        if (rc != 0 && (why == NULL || why[0] == '\0')) {
            print_error("case \"%s\": no reason given\n", c->name);
            failures++;
        }
    }
    assert_int_equal(failures, 0);
}

/* ------------------------------------------------------------ details */

static void test_valid_kernel_fields(void **state)
{
    struct pv_elf_info info;
    const char *why;
    struct spec s;
    size_t size;

    (void)state;
    default_spec(&s);
    size = build(&s);
    assert_int_equal(pv_elf_parse(image, size, &info, &why), 0);
    assert_true(info.virt_base == VIRT_BASE);
    assert_true(info.paddr_offset == 0);
    assert_true(info.entry == KSTART + 0x10);
    assert_true(info.kstart == KSTART);
    assert_true(info.kend == KEND);
    assert_true(info.hypercall_page == KSTART + 0x1000);
    assert_true(info.init_p2m == P2M_VA);
    assert_int_equal(info.features_required[0],
                     1U << XENFEAT_writable_page_tables);
    assert_int_equal(info.features_supported[0],
                     1U << XENFEAT_writable_page_tables |
                     1U << XENFEAT_pae_pgdir_above_4gb | 1U << XENFEAT_dom0);
    assert_true(info.mod_start_pfn);
    assert_true(info.bsd_symtab);
    assert_true(info.suspend_cancel);
    assert_string_equal(info.guest_os, "linux");
    assert_string_equal(info.guest_version, "2.6");
    assert_string_equal(info.xen_version, "xen-3.0");
    assert_string_equal(info.loader, "generic");
}

/* Linux's FEATURES note is .ascii: the descriptor holds no NUL. */
static void test_string_note_without_nul_ends_at_descsz(void **state)
{
    struct pv_elf_info info;
    const char *why;
    struct spec s;
    size_t size;

    (void)state;
    default_spec(&s);
    m_str_no_nul(&s);
    set_str(&s, XEN_ELFNOTE_FEATURES,
            "!writable_page_tables|pae_pgdir_above_4gb");
    find_note(&s, XEN_ELFNOTE_FEATURES)->descsz--;
    find_note(&s, XEN_ELFNOTE_GUEST_VERSION)->descsz--;
    size = build(&s);
    assert_int_equal(pv_elf_parse(image, size, &info, &why), 0);
    assert_string_equal(info.guest_os, "linux");
    assert_string_equal(info.guest_version, "2.6");
    assert_int_equal(info.features_required[0],
                     1U << XENFEAT_writable_page_tables);
    assert_true(info.features_supported[0] &
                1U << XENFEAT_pae_pgdir_above_4gb);
}

static void test_defaults_without_optional_notes(void **state)
{
    struct pv_elf_info info;
    const char *why;
    struct spec s;
    size_t size;

    (void)state;
    default_spec(&s);
    s.nr_notes = 0;
    set_str(&s, XEN_ELFNOTE_XEN_VERSION, "xen-3.0");
    set_str(&s, XEN_ELFNOTE_LOADER, "generic");
    s.entry = 0x1000010;
    size = build(&s);
    assert_int_equal(pv_elf_parse(image, size, &info, &why), 0);
    assert_true(info.virt_base == 0);
    assert_true(info.paddr_offset == 0);
    assert_true(info.entry == 0x1000010);
    assert_true(info.kstart == 0x1000000);
    assert_true(info.hypercall_page == 0 && info.init_p2m == 0);
    assert_int_equal(info.features_supported[0], 0);
    assert_int_equal(info.features_required[0], 0);
    assert_false(info.mod_start_pfn || info.bsd_symtab ||
                 info.suspend_cancel);
    assert_string_equal(info.guest_os, "");
}

static void test_later_note_overrides_earlier(void **state)
{
    struct pv_elf_info info;
    const char *why;
    struct spec s;
    size_t size;

    (void)state;
    default_spec(&s);
    s.notes[s.nr_notes] = *find_note(&s, XEN_ELFNOTE_ENTRY);
    put64(s.notes[s.nr_notes].desc, KSTART + 0x40);
    s.nr_notes++;
    size = build(&s);
    assert_int_equal(pv_elf_parse(image, size, &info, &why), 0);
    assert_true(info.entry == KSTART + 0x40);
}

static void test_bsd_symtab_needs_yes(void **state)
{
    struct pv_elf_info info;
    const char *why;
    struct spec s;
    size_t size;

    (void)state;
    default_spec(&s);
    set_str(&s, XEN_ELFNOTE_BSD_SYMTAB, "yess");
    size = build(&s);
    assert_int_equal(pv_elf_parse(image, size, &info, &why), 0);
    assert_false(info.bsd_symtab);
}

static void test_long_string_is_truncated_and_terminated(void **state)
{
    struct pv_elf_info info;
    const char *why;
    struct spec s;
    size_t size;

    (void)state;
    default_spec(&s);
    m_long_strings(&s);
    size = build(&s);
    assert_int_equal(pv_elf_parse(image, size, &info, &why), 0);
    assert_int_equal(strlen(info.guest_version), PV_ELF_STR_LEN - 1);
    assert_memory_equal(info.guest_version, "0123456789", 10);
}

struct seen {
    int n;
    uint64_t va[4], filesz[4], memsz[4];
    const void *src[4];
    int stop_at;
};

static int record_seg(void *ctx, uint64_t va, const void *src,
                      uint64_t filesz, uint64_t memsz)
{
    struct seen *seen = ctx;

    if (seen->n == seen->stop_at)
        return -XEN_ENOMEM;
    seen->va[seen->n] = va;
    seen->src[seen->n] = src;
    seen->filesz[seen->n] = filesz;
    seen->memsz[seen->n] = memsz;
    seen->n++;
    return 0;
}

static void test_for_each_load_visits_segments(void **state)
{
    struct seen seen = { .stop_at = -1 };
    struct pv_elf_info info;
    const char *why;
    struct spec s;
    size_t size;

    (void)state;
    default_spec(&s);
    m_two_segments(&s);
    size = build(&s);
    assert_int_equal(pv_elf_parse(image, size, &info, &why), 0);
    assert_true(info.kend == VIRT_BASE + 0x1103000);
    assert_int_equal(pv_elf_for_each_load(image, size, &info, record_seg,
                                          &seen), 0);
    assert_int_equal(seen.n, 2);
    assert_true(seen.va[0] == KSTART);
    assert_ptr_equal(seen.src[0], image + LOAD_OFF);
    assert_true(seen.filesz[0] == 0x3000 && seen.memsz[0] == 0x4000);
    assert_true(seen.va[1] == VIRT_BASE + 0x1100000);
    assert_ptr_equal(seen.src[1], image + LOAD_OFF + 0x2000);
    assert_true(seen.filesz[1] == 0x1000 && seen.memsz[1] == 0x3000);
}

static void test_for_each_load_stops_on_error(void **state)
{
    struct seen seen = { .stop_at = 1 };
    struct pv_elf_info info;
    const char *why;
    struct spec s;
    size_t size;

    (void)state;
    default_spec(&s);
    m_two_segments(&s);
    size = build(&s);
    assert_int_equal(pv_elf_parse(image, size, &info, &why), 0);
    assert_int_equal(pv_elf_for_each_load(image, size, &info, record_seg,
                                          &seen), -XEN_ENOMEM);
    assert_int_equal(seen.n, 1);
}

static void test_for_each_load_rejects_changed_image(void **state)
{
    struct seen seen = { .stop_at = -1 };
    struct pv_elf_info info;
    const char *why;
    struct spec s;
    size_t size;

    (void)state;
    default_spec(&s);
    size = build(&s);
    assert_int_equal(pv_elf_parse(image, size, &info, &why), 0);
    put64(PH(0) + 24, 0x2000000);   /* moved after parsing */
    assert_int_equal(pv_elf_for_each_load(image, size, &info, record_seg,
                                          &seen), -XEN_EINVAL);
    assert_int_equal(seen.n, 0);
}

/* Every prefix of a valid image is refused (and read within bounds). */
static void test_every_truncation_is_rejected(void **state)
{
    struct pv_elf_info info;
    const char *why;
    struct spec s;
    size_t size;

    (void)state;
    default_spec(&s);
    size = build(&s);
    for (size_t n = 0; n < size; n++) {
        uint8_t *copy = malloc(n ? n : 1);

        /* A fresh allocation of exactly n bytes lets ASan catch overreads. */
        memcpy(copy, image, n);
        assert_int_not_equal(pv_elf_parse(copy, n, &info, &why), 0);
        free(copy);
    }
}

/* Any single-byte change in the headers and notes is handled safely. */
static void test_byte_flips_in_headers_are_safe(void **state)
{
    static const uint8_t values[] = { 0x00, 0x01, 0x7F, 0x80, 0xFF };
    struct pv_elf_info info;
    const char *why;
    struct spec s;
    size_t size;
    uint8_t *copy;

    (void)state;
    default_spec(&s);
    size = build(&s);
    copy = malloc(size);
    for (size_t off = 0; off < LOAD_OFF; off++) {
        for (size_t v = 0; v < sizeof(values); v++) {
            memcpy(copy, image, size);
            copy[off] = values[v];
            if (pv_elf_parse(copy, size, &info, &why) == 0) {
                assert_true(info.kstart <= info.entry);
                assert_true(info.entry < info.kend);
                assert_true(info.virt_base <= info.kstart);
            }
        }
    }
    free(copy);
}

/* Guest kernels this tree has built, if any: real notes from a real linker. */
static void test_built_guest_kernels_parse(void **state)
{
    static const char *patterns[] = {
        "build/tests/conformance/*.elf",
        "build/examples/*.elf",
        "build/guest/*.elf",
        "build/backends/*.elf",
    };
    int nr_checked = 0;

    (void)state;
    for (size_t p = 0; p < sizeof(patterns) / sizeof(patterns[0]); p++) {
        glob_t g;

        if (glob(patterns[p], 0, NULL, &g) != 0)
            continue;
        for (size_t i = 0; i < g.gl_pathc; i++) {
            struct pv_elf_info info;
            const char *why = NULL;
            FILE *f = fopen(g.gl_pathv[i], "rb");
            uint8_t *buf;
            long len;
            int rc;

            assert_non_null(f);
            assert_int_equal(fseek(f, 0, SEEK_END), 0);
            len = ftell(f);
            rewind(f);
            buf = malloc(len);
            assert_int_equal(fread(buf, 1, len, f), (size_t)len);
            fclose(f);
            rc = pv_elf_parse(buf, len, &info, &why);
            if (rc != 0)
                print_error("%s: %s\n", g.gl_pathv[i], why);
            assert_int_equal(rc, 0);
            assert_true(info.hypercall_page != 0);
            free(buf);
            nr_checked++;
        }
        globfree(&g);
    }
    if (nr_checked == 0)
        skip();
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_parse_table),
        cmocka_unit_test(test_valid_kernel_fields),
        cmocka_unit_test(test_string_note_without_nul_ends_at_descsz),
        cmocka_unit_test(test_defaults_without_optional_notes),
        cmocka_unit_test(test_later_note_overrides_earlier),
        cmocka_unit_test(test_bsd_symtab_needs_yes),
        cmocka_unit_test(test_long_string_is_truncated_and_terminated),
        cmocka_unit_test(test_for_each_load_visits_segments),
        cmocka_unit_test(test_for_each_load_stops_on_error),
        cmocka_unit_test(test_for_each_load_rejects_changed_image),
        cmocka_unit_test(test_every_truncation_is_rejected),
        cmocka_unit_test(test_byte_flips_in_headers_are_safe),
        cmocka_unit_test(test_built_guest_kernels_parse),
    };

    return cmocka_run_group_tests_name("pv-elf", tests, NULL, NULL);
}
