#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""Writes small valid PV kernel images into DIR as seeds for fuzz-pv-elf:
a fuzzer starting from nothing rarely gets past the ELF header."""
import os
import struct
import sys

PT_LOAD, PT_NOTE, SHT_NOTE = 1, 4, 7

# Xen ELF note types
ENTRY, HYPERCALL_PAGE, VIRT_BASE, PADDR_OFFSET = 1, 2, 3, 4
XEN_VERSION, GUEST_OS, GUEST_VERSION, LOADER, FEATURES = 5, 6, 7, 8, 10
BSD_SYMTAB, SUSPEND_CANCEL, INIT_P2M, MOD_START_PFN = 11, 14, 15, 16
SUPPORTED_FEATURES = 17


def note(ntype, desc, name=b"Xen\0"):
    pad = lambda b: b + b"\0" * (-len(b) % 4)
    return struct.pack("<III", len(name), len(desc), ntype) + pad(name) + pad(desc)


def num(ntype, value, size=8):
    return note(ntype, value.to_bytes(size, "little"))


def string(ntype, text):
    return note(ntype, text.encode() + b"\0")


def image(notes, virt_base, paddr, entry, in_sections=False, loads=1):
    """ELF header, phdrs, notes, optional section headers, then code."""
    nph = loads + (0 if in_sections else 1)
    ph_off = 64
    note_off = ph_off + 56 * nph
    sh_off = note_off + len(notes)
    nsh = 2 if in_sections else 0
    load_off = (sh_off + 64 * nsh + 15) & ~15
    code = bytes(range(64))
    ident = b"\x7fELF" + bytes([2, 1, 1]) + b"\0" * 9
    ehdr = ident + struct.pack("<HHIQQQIHHHHHH", 2, 62, 1, entry, ph_off,
                               sh_off if nsh else 0, 0, 64, 56, nph, 64, nsh, 0)
    phdrs = b""
    for i in range(loads):
        phdrs += struct.pack("<IIQQQQQQ", PT_LOAD, 5, load_off, paddr + i * 0x2000,
                             paddr + i * 0x2000, len(code), 0x2000, 0x1000)
    if not in_sections:
        phdrs += struct.pack("<IIQQQQQQ", PT_NOTE, 4, note_off, 0, 0,
                             len(notes), 0, 4)
    shdrs = b""
    if in_sections:
        shdrs = b"\0" * 64 + struct.pack("<IIQQQQIIQQ", 1, SHT_NOTE, 2, 0,
                                         note_off, len(notes), 0, 0, 4, 0)
    out = ehdr + phdrs + notes + shdrs
    return out + b"\0" * (load_off - len(out)) + code


def main():
    out = sys.argv[1]
    os.makedirs(out, exist_ok=True)
    vb = 0xFFFFFFFF80000000
    linux = b"".join([
        string(GUEST_OS, "linux"), string(GUEST_VERSION, "2.6"),
        string(XEN_VERSION, "xen-3.0"), num(VIRT_BASE, vb),
        num(PADDR_OFFSET, 0), num(ENTRY, vb + 0x1000000),
        num(HYPERCALL_PAGE, vb + 0x1001000), num(INIT_P2M, 0xFFFFEA0000000000),
        string(FEATURES, "!writable_page_tables|pae_pgdir_above_4gb"),
        num(SUPPORTED_FEATURES, 1 << 11, 4), num(MOD_START_PFN, 1, 4),
        num(SUSPEND_CANCEL, 1, 4), string(LOADER, "generic"),
        string(BSD_SYMTAB, "yes"),
    ])
    low = b"".join([
        string(GUEST_OS, "XTF"), string(XEN_VERSION, "xen-3.0"),
        string(LOADER, "generic"), num(VIRT_BASE, 0, 4),
        num(ENTRY, 0x100000, 4), num(HYPERCALL_PAGE, 0x101000, 4),
        string(FEATURES, "auto_translated_physmap|dom0|bogus"),
        note(1, b"1234567", name=b"GNU\0"),
    ])
    seeds = {
        "linux": image(linux, vb, 0x1000000, vb + 0x1000000, loads=2),
        "linux-sections": image(linux, vb, 0x1000000, vb + 0x1000000,
                                in_sections=True),
        "low": image(low, 0, 0x100000, 0x100000),
    }
    for name, data in seeds.items():
        with open(os.path.join(out, "seed-" + name), "wb") as f:
            f.write(data)


if __name__ == "__main__":
    main()
