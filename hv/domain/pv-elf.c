/* SPDX-License-Identifier: MIT */
/*
 * PV kernel image parser: ELF64 headers, Xen ELF notes and the address
 * rules of the PV boot protocol. Every offset and size comes from a
 * possibly hostile image: all arithmetic is checked before use.
 */
#include "pv-elf.h"

#include <string.h>

#include <abi/elfnote.h>
#include <abi/errno.h>
#include <abi/features.h>
#include <abi/pv64.h>

/* ELF64 facts (System V gABI and the x86_64 psABI). */
#define EHDR_SIZE      64
#define PHDR_SIZE      56
#define SHDR_SIZE      64
#define NOTE_HDR_SIZE  12
#define ELFCLASS64     2
#define ELFDATA2LSB    1
#define EV_CURRENT     1
#define ET_EXEC        2
#define EM_X86_64      62
#define PT_LOAD        1
#define PT_NOTE        4
#define SHT_NOTE       7
#define PN_XNUM        0xFFFF

#define PAGE_MASK_4K   0xFFFULL
/*
 * Real kernels carry well under a page of notes. Many PT_NOTE headers or
 * sections may all name the same large range: cap the bytes walked so
 * that a hostile image costs a builder linear time, not quadratic.
 */
#define MAX_NOTE_BYTES (1ULL << 20)
/* Highest canonical lower-half address + 1, first upper-half address. */
#define CANON_LOW_END  0x0000800000000000ULL
#define CANON_HIGH     0xFFFF800000000000ULL

/* Fields of the ELF header that the parser uses. */
struct ehdr {
    uint64_t entry, phoff, shoff;
    uint16_t phnum, shnum;
};

/* Notes seen so far; "have_" tells a note from its default. */
struct notes {
    unsigned int nr_xen;
    uint64_t bytes_walked;
    bool have_entry, have_virt_base, have_paddr_offset;
    uint64_t entry, virt_base, paddr_offset;
};

#define FAIL(err, msg) do { *why = (msg); return -(err); } while (0)

static uint16_t rd16(const uint8_t *p)
{
    return (uint16_t)(p[0] | p[1] << 8);
}

static uint32_t rd32(const uint8_t *p)
{
    return (uint32_t)rd16(p) | (uint32_t)rd16(p + 2) << 16;
}

static uint64_t rd64(const uint8_t *p)
{
    return (uint64_t)rd32(p) | (uint64_t)rd32(p + 4) << 32;
}

/* True if [off, off + len) lies inside a file of size bytes. */
static bool in_file(size_t size, uint64_t off, uint64_t len)
{
    return off <= size && len <= size - off;
}

/*
 * True if the len bytes from va are canonical, do not wrap, do not cross
 * the non-canonical gap and stay clear of the hypervisor's L4 slots.
 */
static bool va_range_ok(uint64_t va, uint64_t len)
{
    uint64_t last;

    if (len == 0)
        len = 1;
    if (va > UINT64_MAX - (len - 1))
        return false;
    last = va + (len - 1);
    if (last >= CANON_LOW_END && va < CANON_HIGH)
        return false;
    return !(va < HYPERVISOR_VIRT_END && last >= HYPERVISOR_VIRT_START);
}

static bool has_prefix(const char *s, const char *prefix)
{
    size_t n = strlen(prefix);

    return strnlen(s, n) == n && memcmp(s, prefix, n) == 0;
}

static int read_ehdr(const uint8_t *img, size_t size, struct ehdr *eh,
                     const char **why)
{
    static const uint8_t magic[4] = { 0x7F, 'E', 'L', 'F' };

    if (size < EHDR_SIZE || memcmp(img, magic, sizeof(magic)) != 0)
        FAIL(XEN_ENOEXEC, "not an ELF file");
    if (img[4] != ELFCLASS64)
        FAIL(XEN_ENOEXEC, "not ELF64");
    if (img[5] != ELFDATA2LSB)
        FAIL(XEN_ENOEXEC, "not little-endian");
    if (img[6] != EV_CURRENT || rd32(img + 20) != EV_CURRENT)
        FAIL(XEN_ENOEXEC, "unknown ELF version");
    if (rd16(img + 16) != ET_EXEC)
        FAIL(XEN_ENOEXEC, "not an executable (ET_EXEC)");
    if (rd16(img + 18) != EM_X86_64)
        FAIL(XEN_ENOEXEC, "not an x86_64 image");

    eh->entry = rd64(img + 24);
    eh->phoff = rd64(img + 32);
    eh->shoff = rd64(img + 40);
    eh->phnum = rd16(img + 56);
    eh->shnum = rd16(img + 60);

    if (eh->phnum == 0)
        FAIL(XEN_ENOEXEC, "no program headers");
    if (eh->phnum == PN_XNUM)
        FAIL(XEN_EINVAL, "extended program header numbering");
    if (rd16(img + 54) != PHDR_SIZE)
        FAIL(XEN_EINVAL, "bad program header size");
    if (!in_file(size, eh->phoff, (uint64_t)eh->phnum * PHDR_SIZE))
        FAIL(XEN_EINVAL, "program headers outside the file");
    if (eh->shnum != 0) {
        if (rd16(img + 58) != SHDR_SIZE)
            FAIL(XEN_EINVAL, "bad section header size");
        if (!in_file(size, eh->shoff, (uint64_t)eh->shnum * SHDR_SIZE))
            FAIL(XEN_EINVAL, "section headers outside the file");
    }
    return 0;
}

/* Copy a string note of at most len bytes into dst, truncating. */
static void copy_str(char *dst, const char *src, size_t len)
{
    size_t n = strnlen(src, len < PV_ELF_STR_LEN ? len : PV_ELF_STR_LEN - 1);

    memcpy(dst, src, n);
    dst[n] = '\0';
}

/* The feature names a FEATURES note may use, as Xen's builders know them. */
static const struct {
    const char *name;
    unsigned int bit;
} feature_names[] = {
    { "writable_page_tables",       XENFEAT_writable_page_tables },
    { "writable_descriptor_tables", XENFEAT_writable_descriptor_tables },
    { "auto_translated_physmap",    XENFEAT_auto_translated_physmap },
    { "supervisor_mode_kernel",     XENFEAT_supervisor_mode_kernel },
    { "pae_pgdir_above_4gb",        XENFEAT_pae_pgdir_above_4gb },
    { "hvm_callback_vector",        XENFEAT_hvm_callback_vector },
    { "dom0",                       XENFEAT_dom0 },
};

/*
 * FEATURES: names joined by '|', '!' marking a required one. An unknown
 * name is ignored unless required: a kernel that needs something we do not
 * know of cannot run.
 */
static int parse_features(const char *s, size_t len, struct pv_elf_info *info,
                          const char **why)
{
    size_t pos = 0;

    while (pos < len) {
        size_t end = pos, n, i;
        bool required = false;

        while (end < len && s[end] != '|')
            end++;
        if (s[pos] == '!') {
            required = true;
            pos++;
        }
        n = end - pos;
        for (i = 0; i < sizeof(feature_names) / sizeof(feature_names[0]);
             i++) {
            const char *name = feature_names[i].name;

            if (strlen(name) == n && memcmp(name, s + pos, n) == 0)
                break;
        }
        if (i == sizeof(feature_names) / sizeof(feature_names[0])) {
            if (required)
                FAIL(XEN_EOPNOTSUPP, "FEATURES requires an unknown feature");
        } else {
            uint32_t bit = 1U << feature_names[i].bit;

            info->features_supported[0] |= bit;
            if (required)
                info->features_required[0] |= bit;
        }
        pos = end + 1;
    }
    return 0;
}

/* Interpret one note named "Xen". */
static int apply_note(uint32_t type, const uint8_t *desc, uint32_t descsz,
                      struct pv_elf_info *info, struct notes *nt,
                      const char **why)
{
    const char *str = (const char *)desc;
    uint64_t val = 0;

    switch (type) {
    case XEN_ELFNOTE_ENTRY:
    case XEN_ELFNOTE_HYPERCALL_PAGE:
    case XEN_ELFNOTE_VIRT_BASE:
    case XEN_ELFNOTE_PADDR_OFFSET:
    case XEN_ELFNOTE_SUSPEND_CANCEL:
    case XEN_ELFNOTE_INIT_P2M:
    case XEN_ELFNOTE_MOD_START_PFN:
    case XEN_ELFNOTE_SUPPORTED_FEATURES:
        if (descsz == 4)
            val = rd32(desc);
        else if (descsz == 8)
            val = rd64(desc);
        else
            FAIL(XEN_EINVAL, "numeric note is not 4 or 8 bytes");
        break;
    case XEN_ELFNOTE_XEN_VERSION:
    case XEN_ELFNOTE_GUEST_OS:
    case XEN_ELFNOTE_GUEST_VERSION:
    case XEN_ELFNOTE_LOADER:
    case XEN_ELFNOTE_FEATURES:
    case XEN_ELFNOTE_BSD_SYMTAB:
        /* The string ends at its NUL or at descsz: Linux emits FEATURES
         * with .ascii, no NUL inside the descriptor. */
        if (descsz == 0)
            FAIL(XEN_EINVAL, "string note is empty");
        break;
    default:
        return 0;      /* informational, 32-bit or PVH only */
    }

    switch (type) {
    case XEN_ELFNOTE_ENTRY:
        nt->have_entry = true;
        nt->entry = val;
        break;
    case XEN_ELFNOTE_HYPERCALL_PAGE:
        info->hypercall_page = val;
        break;
    case XEN_ELFNOTE_VIRT_BASE:
        nt->have_virt_base = true;
        nt->virt_base = val;
        break;
    case XEN_ELFNOTE_PADDR_OFFSET:
        nt->have_paddr_offset = true;
        nt->paddr_offset = val;
        break;
    case XEN_ELFNOTE_SUSPEND_CANCEL:
        info->suspend_cancel = val != 0;
        break;
    case XEN_ELFNOTE_INIT_P2M:
        info->init_p2m = val;
        break;
    case XEN_ELFNOTE_MOD_START_PFN:
        info->mod_start_pfn = val != 0;
        break;
    case XEN_ELFNOTE_SUPPORTED_FEATURES:
        info->features_supported[0] |= (uint32_t)val;
        break;
    case XEN_ELFNOTE_XEN_VERSION:
        copy_str(info->xen_version, str, descsz);
        break;
    case XEN_ELFNOTE_GUEST_OS:
        copy_str(info->guest_os, str, descsz);
        break;
    case XEN_ELFNOTE_GUEST_VERSION:
        copy_str(info->guest_version, str, descsz);
        break;
    case XEN_ELFNOTE_LOADER:
        copy_str(info->loader, str, descsz);
        break;
    case XEN_ELFNOTE_FEATURES:
        return parse_features(str, strnlen(str, descsz), info, why);
    case XEN_ELFNOTE_BSD_SYMTAB:
        info->bsd_symtab = strnlen(str, descsz) == 3 &&
                           memcmp(str, "yes", 3) == 0;
        break;
    }
    return 0;
}

/*
 * Walk the notes in [off, off + len) of the file (already checked to be
 * inside it). Entries are 4-byte aligned, as every Xen kernel emits them;
 * trailing bytes too short for a note header are ignored.
 */
static int scan_notes(const uint8_t *img, uint64_t off, uint64_t len,
                      struct pv_elf_info *info, struct notes *nt,
                      const char **why)
{
    static const uint8_t xen_name[4] = { 'X', 'e', 'n', '\0' };
    uint64_t pos = 0;

    if (len > MAX_NOTE_BYTES - nt->bytes_walked)
        FAIL(XEN_EINVAL, "more than 1 MiB of ELF notes");
    nt->bytes_walked += len;
    while (len - pos >= NOTE_HDR_SIZE) {
        const uint8_t *n = img + off + pos;
        uint64_t namesz = rd32(n), descsz = rd32(n + 4);
        uint64_t name_room = (namesz + 3) & ~3ULL;
        uint64_t desc_room = (descsz + 3) & ~3ULL;
        int rc;

        /* Each term is below 2^33: the sum cannot overflow. */
        if (NOTE_HDR_SIZE + name_room + desc_room > len - pos)
            FAIL(XEN_EINVAL, "note runs past its segment or section");
        if (namesz == sizeof(xen_name) &&
            memcmp(n + NOTE_HDR_SIZE, xen_name, sizeof(xen_name)) == 0) {
            nt->nr_xen++;
            rc = apply_note(rd32(n + 8), n + NOTE_HDR_SIZE + name_room,
                            (uint32_t)descsz, info, nt, why);
            if (rc)
                return rc;
        }
        pos += NOTE_HDR_SIZE + name_room + desc_room;
    }
    return 0;
}

/* Xen notes from PT_NOTE segments, or failing that from SHT_NOTE sections. */
static int read_notes(const uint8_t *img, size_t size, const struct ehdr *eh,
                      struct pv_elf_info *info, struct notes *nt,
                      const char **why)
{
    unsigned int i;
    int rc;

    for (i = 0; i < eh->phnum; i++) {
        const uint8_t *ph = img + eh->phoff + (uint64_t)i * PHDR_SIZE;
        uint64_t off = rd64(ph + 8), filesz = rd64(ph + 32);

        /* Some linkers emit an empty PT_NOTE at offset 0: not notes. */
        if (rd32(ph) != PT_NOTE || off == 0)
            continue;
        if (!in_file(size, off, filesz))
            FAIL(XEN_EINVAL, "PT_NOTE segment outside the file");
        rc = scan_notes(img, off, filesz, info, nt, why);
        if (rc)
            return rc;
    }
    if (nt->nr_xen)
        return 0;

    for (i = 0; i < eh->shnum; i++) {
        const uint8_t *sh = img + eh->shoff + (uint64_t)i * SHDR_SIZE;
        uint64_t off = rd64(sh + 24), len = rd64(sh + 32);

        if (rd32(sh + 4) != SHT_NOTE)
            continue;
        if (!in_file(size, off, len))
            FAIL(XEN_EINVAL, "SHT_NOTE section outside the file");
        rc = scan_notes(img, off, len, info, nt, why);
        if (rc)
            return rc;
    }
    return 0;
}

/* The virtual range [kstart, kend) the PT_LOAD segments occupy. */
static int load_range(const uint8_t *img, size_t size, const struct ehdr *eh,
                      struct pv_elf_info *info, const char **why)
{
    uint64_t off = info->virt_base - info->paddr_offset;
    uint64_t lo = UINT64_MAX, hi = 0;
    unsigned int i;

    for (i = 0; i < eh->phnum; i++) {
        const uint8_t *ph = img + eh->phoff + (uint64_t)i * PHDR_SIZE;
        uint64_t offset = rd64(ph + 8), paddr = rd64(ph + 24);
        uint64_t filesz = rd64(ph + 32), memsz = rd64(ph + 40);
        uint64_t va = paddr + off;

        if (rd32(ph) != PT_LOAD)
            continue;
        if (!in_file(size, offset, filesz))
            FAIL(XEN_EINVAL, "PT_LOAD segment outside the file");
        if (memsz < filesz)
            FAIL(XEN_EINVAL, "PT_LOAD memsz is below filesz");
        /* kend is exclusive: a segment may not end at 2^64 either. */
        if (!va_range_ok(va, memsz) || memsz > UINT64_MAX - va)
            FAIL(XEN_EINVAL, "PT_LOAD segment at a non-canonical or "
                             "hypervisor address");
        if (va < lo)
            lo = va;
        if (va + memsz > hi)
            hi = va + memsz;
    }
    if (lo == UINT64_MAX)
        FAIL(XEN_ENOEXEC, "no PT_LOAD segment");
    if (hi == lo)
        FAIL(XEN_EINVAL, "PT_LOAD segments are all empty");
    /* Segments on both sides of a hole would make the image span it. */
    if (!va_range_ok(lo, hi - lo))
        FAIL(XEN_EINVAL, "loaded image spans a non-canonical or "
                         "hypervisor range");
    info->kstart = lo;
    info->kend = hi;
    return 0;
}

/* The PV boot protocol's rules on where things may be. */
static int check_layout(const struct pv_elf_info *info, const char **why)
{
    if (info->virt_base & PAGE_MASK_4K)
        FAIL(XEN_EINVAL, "VIRT_BASE is not page-aligned");
    if (!va_range_ok(info->virt_base, 1))
        FAIL(XEN_EINVAL, "VIRT_BASE is non-canonical or in the hypervisor "
                         "range");
    if (info->virt_base > info->kstart)
        FAIL(XEN_EINVAL, "image starts below VIRT_BASE");
    if (info->entry < info->kstart || info->entry >= info->kend)
        FAIL(XEN_EINVAL, "entry point outside the loaded image");
    if (info->init_p2m) {
        if (!va_range_ok(info->init_p2m, 1))
            FAIL(XEN_EINVAL, "INIT_P2M is non-canonical or in the "
                             "hypervisor range");
        if (info->init_p2m >= info->kstart && info->init_p2m < info->kend)
            FAIL(XEN_EINVAL, "INIT_P2M inside the loaded image");
    }
    if (info->hypercall_page) {
        if (info->hypercall_page & PAGE_MASK_4K)
            FAIL(XEN_EINVAL, "HYPERCALL_PAGE is not page-aligned");
        if (info->hypercall_page < info->kstart ||
            info->hypercall_page >= info->kend ||
            info->kend - info->hypercall_page < PAGE_MASK_4K + 1)
            FAIL(XEN_EINVAL, "HYPERCALL_PAGE outside the loaded image");
    }
    return 0;
}

int pv_elf_parse(const void *image, size_t size, struct pv_elf_info *info,
                 const char **why)
{
    const uint8_t *img = image;
    struct notes nt = { 0 };
    struct ehdr eh;
    uint32_t req;
    int rc;

    *why = "ok";
    memset(info, 0, sizeof(*info));

    rc = read_ehdr(img, size, &eh, why);
    if (rc)
        return rc;
    rc = read_notes(img, size, &eh, info, &nt, why);
    if (rc)
        return rc;
    if (nt.nr_xen == 0)
        FAIL(XEN_ENOEXEC, "no Xen ELF notes (legacy __xen_guest is not "
                          "supported)");

    if (!has_prefix(info->loader, "generic") &&
        !has_prefix(info->guest_os, "linux"))
        FAIL(XEN_ENOEXEC, "neither LOADER \"generic\" nor GUEST_OS "
                          "\"linux\"");
    if (!has_prefix(info->xen_version, "xen-3.0"))
        FAIL(XEN_ENOEXEC, "XEN_VERSION does not start with \"xen-3.0\"");

    req = info->features_required[0];
    if (req & (1U << XENFEAT_auto_translated_physmap))
        FAIL(XEN_EOPNOTSUPP, "kernel requires auto_translated_physmap, "
                             "which PV guests cannot have");
    if (req & (1U << XENFEAT_supervisor_mode_kernel))
        FAIL(XEN_EOPNOTSUPP, "kernel requires supervisor_mode_kernel");

    info->virt_base = nt.have_virt_base ? nt.virt_base : 0;
    info->paddr_offset = nt.have_paddr_offset ? nt.paddr_offset : 0;
    info->entry = nt.have_entry ? nt.entry : eh.entry;

    rc = load_range(img, size, &eh, info, why);
    if (rc)
        return rc;
    return check_layout(info, why);
}

int pv_elf_for_each_load(const void *image, size_t size,
                         const struct pv_elf_info *info,
                         int (*seg)(void *ctx, uint64_t va, const void *src,
                                    uint64_t filesz, uint64_t memsz),
                         void *ctx)
{
    const uint8_t *img = image;
    uint64_t off = info->virt_base - info->paddr_offset;
    const char *why;
    struct ehdr eh;
    unsigned int i;
    int rc;

    rc = read_ehdr(img, size, &eh, &why);
    if (rc)
        return rc;
    for (i = 0; i < eh.phnum; i++) {
        const uint8_t *ph = img + eh.phoff + (uint64_t)i * PHDR_SIZE;
        uint64_t offset = rd64(ph + 8), va = rd64(ph + 24) + off;
        uint64_t filesz = rd64(ph + 32), memsz = rd64(ph + 40);

        if (rd32(ph) != PT_LOAD)
            continue;
        /* Re-checked: the caller may hand a different image than parsed. */
        if (!in_file(size, offset, filesz) || memsz < filesz ||
            va < info->kstart || va > info->kend ||
            memsz > info->kend - va)
            return -XEN_EINVAL;
        rc = seg(ctx, va, img + offset, filesz, memsz);
        if (rc)
            return rc;
    }
    return 0;
}
