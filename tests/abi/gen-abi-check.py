#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""Generates the C program behind `make abi-check`.

Our abi/ headers and Xen's public headers use the same names, so they
cannot share a translation unit. This script reads every `#define` and
every struct in abi/*.h and writes a host C program that includes only our
headers and prints, as C, one _Static_assert per struct size, field offset,
field size and constant, with our numbers as literals. Compiling that
output against Xen's headers (tests/abi/abi-check.c) fails on the first
difference, naming the struct and field or the constant.

Usage: gen-abi-check.py --xen-macros FILE --xen-errno FILE --summary FILE
                        abi/*.h > layout.c
  --xen-macros  `gcc -dM -E tests/abi/xen-headers.h` output: the names
                Xen 4.17 defines, to tell "no Xen counterpart" apart.
  --xen-errno   Xen's errno.h, whose XEN_E* names are enum constants.
  --summary     where the layout program writes the closing count line.
"""
import argparse
import re
import sys

# Constants of ours with no Xen macro of that name. A number pins the
# constant to a fact from outside Xen's public headers, a string is a C
# expression over Xen's headers it must equal, None skips it. Say why.
ALLOW_CONST = {
    "MEMOP_CMD_MASK": (
        0x3F, "Xen keeps it private (its xen/hypercall.h): the low 6 bits "
              "of a memory_op cmd are the op"),
    "MEMOP_EXTENT_SHIFT": (
        6, "Xen keeps it private (its xen/hypercall.h): a continuation's "
           "start extent sits above the op in cmd"),
    "XEN_EINTR": (
        4, "Xen's errno.h hides it behind __XEN__: never given to guests"),
    "XEN_ERESTART": (
        85, "Xen's errno.h hides it behind __XEN__: hypercall continuations "
            "only, never given to guests"),
    "HYPERCALL_PAGE_STUB_SIZE": (
        32, "hypercall page layout, described in prose by Xen"),
    "HYPERCALL_PAGE_NR_STUBS": (
        128, "hypercall page layout, described in prose by Xen"),
    "START_INFO_MAGIC": (
        None, "Xen spells the magic out in prose (xen.h start_info)"),
    "E820_RAM": (1, "BIOS E820 type, not in Xen's public headers"),
    "E820_RESERVED": (2, "BIOS E820 type, not in Xen's public headers"),
    "E820_ACPI": (3, "BIOS E820 type, not in Xen's public headers"),
    "E820_NVS": (4, "BIOS E820 type, not in Xen's public headers"),
    "E820_UNUSABLE": (5, "BIOS E820 type, not in Xen's public headers"),
    "MAX_VMASST_TYPE": (
        "VMASST_TYPE_m2p_strict", "Xen defines it only for interface versions below 4.6; ours "
            "is the highest VMASST_TYPE, m2p_strict"),
    "XEN_COMMANDLINE_LEN": (
        "sizeof(xen_commandline_t)", "Xen names only the type"),
    "XEN_CHANGESET_INFO_LEN": (
        "sizeof(xen_changeset_info_t)", "Xen names only the type"),
    "XENFEAT_grant_map_identity": (
        12, "deprecated: Xen's features.h keeps it inside a comment"),
    "HYPERCALL_ENTER": (
        None, "code, not a constant: the calling convention of "
              "abi/hypercall-x86_64.h"),
    "TI_GET_DPL": (None, "takes a struct trap_info pointer"),
    "TI_GET_IF": (None, "takes a struct trap_info pointer"),
}

# Structs of ours with no Xen counterpart, and what pins their layout.
ALLOW_STRUCT = {
    "e820_entry": "Xen describes the XENMEM_memory_map buffer in prose "
                  "only: the BIOS INT 15h E820 entry, 20 bytes packed",
}

# Fields of ours Xen does not name (its layout has the same gap there:
# the offsets of the fields around them are still asserted).
ALLOW_FIELD = {
    ("callback_register", "_pad"): "explicit padding; implicit in Xen",
    ("physdev_set_iobitmap", "_pad"): "explicit padding; implicit in Xen",
    ("xenpf_firmware_info", "u._raw"): "sizes the union as Xen's largest "
        "member (efi_info, 32 bytes); hv fills none of the others",
}

# Our struct name -> Xen's, where they differ.
XEN_STRUCT_NAME = {}

# Function-like macros are compared by their value at these arguments.
SAMPLE_ARGS = [0x12345, 0xABCDE, 0x7, 0x3]

TOKEN = re.compile(r'[A-Za-z_]\w*|0[xX][0-9a-fA-F]+[uUlL]*|\d+[uUlL]*'
                   r'|"(?:\\.|[^"\\])*"|\S')
DEFINE = re.compile(r'^\s*#\s*define\s+([A-Za-z_]\w*)(\(([^)]*)\))?'
                    r'(?:\s+(.*?))?\s*$')


def strip_comments(text):
    text = re.sub(r'/\*.*?\*/', lambda m: '\n' * m.group(0).count('\n')
                  or ' ', text, flags=re.S)
    text = re.sub(r'//[^\n]*', '', text)
    return text.replace('\\\n', ' ')


def is_ident(tok):
    return re.fullmatch(r'[A-Za-z_]\w*', tok) is not None


def skip_attributes(toks, i):
    while i < len(toks) and toks[i] in ('__attribute__', '__attribute'):
        depth, i = 0, i + 1
        while True:
            if toks[i] == '(':
                depth += 1
            elif toks[i] == ')':
                depth -= 1
            i += 1
            if depth == 0:
                break
    return i


def split_top(stmt, sep):
    """Split tokens at sep outside brackets and parentheses."""
    parts, cur, depth = [], [], 0
    for t in stmt:
        if t in '([':
            depth += 1
        elif t in ')]':
            depth -= 1
        if t == sep and depth == 0:
            parts.append(cur)
            cur = []
        else:
            cur.append(t)
    parts.append(cur)
    return parts


def declarator(part, first):
    """(name, is_array, is_flexible, is_bitfield) of one declarator."""
    toks = [t for t in part if t not in ('*', 'const', 'volatile')]
    bitfield = ':' in toks
    if bitfield:
        toks = toks[:toks.index(':')]
    end = toks.index('[') if '[' in toks else len(toks)
    names = [t for t in toks[:end] if is_ident(t)]
    if not names:
        raise SyntaxError('no member name in ' + ' '.join(part))
    name = names[-1] if first else names[0]
    dims = toks[end:]
    flexible = dims[:2] == ['[', ']']
    return name, bool(dims), flexible, bitfield


class Field:
    def __init__(self, path, flexible=False, bitfield=False):
        self.path, self.flexible, self.bitfield = path, flexible, bitfield


def parse_members(toks, i):
    """Members from toks[i] (just after '{') to the matching '}'."""
    fields = []
    while toks[i] != '}':
        if toks[i] in ('struct', 'union') and (
                toks[i + 1] == '{' or toks[i + 2] == '{'):
            j = i + 1 if toks[i + 1] == '{' else i + 2
            sub, j = parse_members(toks, j + 1)
            j = skip_attributes(toks, j)
            end = toks.index(';', j)
            decls = [declarator(p, True) for p in split_top(toks[j:end], ',')
                     if p]
            if not decls:           # anonymous: its members are ours
                fields.extend(sub)
            for name, is_array, flexible, _ in decls:
                fields.append(Field(name, flexible))
                prefix = name + ('[0].' if is_array else '.')
                fields.extend(Field(prefix + f.path, f.flexible, f.bitfield)
                              for f in sub)
            i = end + 1
            continue
        end = toks.index(';', i)
        stmt = []
        k = i
        while k < end:             # drop attributes inside the statement
            if toks[k] in ('__attribute__', '__attribute'):
                k = skip_attributes(toks, k)
            else:
                stmt.append(toks[k])
                k += 1
        for n, part in enumerate(split_top(stmt, ',')):
            name, _, flexible, bitfield = declarator(part, n == 0)
            fields.append(Field(name, flexible, bitfield))
        i = end + 1
    return fields, i + 1


def parse_header(path):
    text = strip_comments(open(path).read())
    defines = []
    for line in text.split('\n'):
        m = DEFINE.match(line)
        if m and m.group(4):
            params = m.group(3)
            nparams = None if params is None else len(
                [p for p in params.split(',') if p.strip()])
            defines.append((m.group(1), nparams, m.group(4).strip()))
    code = '\n'.join(l for l in text.split('\n')
                     if not l.lstrip().startswith('#'))
    toks = TOKEN.findall(code)
    structs = []
    i = 0
    while i < len(toks):
        if (toks[i] in ('struct', 'union') and i + 2 < len(toks) and
                is_ident(toks[i + 1]) and toks[i + 2] == '{'):
            kind, name = toks[i], toks[i + 1]
            fields, i = parse_members(toks, i + 3)
            structs.append((kind, name, fields))
        else:
            i += 1
    return defines, structs


def c_str(s):
    return '"' + (s.replace('\\', '\\\\').replace('"', '\\"')
                  .replace('\n', '\\n')) + '"'


class Out:
    """Collects the printf calls of the layout program."""

    def __init__(self):
        self.lines = []

    def emit(self, text, *exprs):
        """Print text, a line of C, with each {} replaced by the value of
        the next C expression in exprs (an unsigned long long)."""
        fmt = c_str(text.replace('%', '%%').replace('{}', '%llu') + '\n')
        self.lines.append('    printf(%s%s);' % (
            fmt, ''.join(', (unsigned long long)(%s)' % e for e in exprs)))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--xen-macros', required=True)
    ap.add_argument('--xen-errno', required=True)
    ap.add_argument('--summary', required=True)
    ap.add_argument('headers', nargs='+')
    args = ap.parse_args()

    xen_macros = {}
    for line in open(args.xen_macros):
        m = DEFINE.match(line)
        if m:
            xen_macros[m.group(1)] = (m.group(4) or '').strip()
    # Xen's errno.h makes enum constants of its XEN_ERRNO() lines, except
    # the ones inside `#ifdef __XEN__` (hypervisor-internal).
    xen_enums, internal = set(), False
    for line in open(args.xen_errno):
        if re.match(r'\s*#\s*ifdef\s+__XEN__\b', line):
            internal = True
        elif re.match(r'\s*#\s*endif', line):
            internal = False
        m = re.match(r'\s*XEN_ERRNO\(\s*(\w+)\s*,', line)
        if m and not internal:
            xen_enums.add('XEN_' + m.group(1))

    out = Out()
    errors = []
    nr_structs = nr_fields = nr_consts = 0
    seen_consts = set()

    for hdr in args.headers:
        defines, structs = parse_header(hdr)
        out.emit('/* %s */' % hdr)
        for kind, name, fields in structs:
            if name in ALLOW_STRUCT:
                out.emit('/* %s %s: not in Xen: %s */' %
                         (kind, name, ALLOW_STRUCT[name]))
                continue
            ours = '%s %s' % (kind, name)
            theirs = '%s %s' % (kind, XEN_STRUCT_NAME.get(name, name))
            nr_structs += 1
            size = 'sizeof(%s)' % ours
            out.emit('_Static_assert(sizeof(%s) == {}, "abi-check: %s: '
                     'sizeof(%s) is {} here but differs in Xen 4.17");' %
                     (theirs, hdr, ours), size, size)
            for f in fields:
                if (name, f.path) in ALLOW_FIELD:
                    out.emit('/* %s.%s: not in Xen: %s */' %
                             (name, f.path, ALLOW_FIELD[(name, f.path)]))
                    continue
                if f.bitfield:
                    errors.append('%s: %s.%s is a bitfield: offsetof cannot '
                                  'check it' % (hdr, name, f.path))
                    continue
                nr_fields += 1
                off = 'offsetof(%s, %s)' % (ours, f.path)
                out.emit('_Static_assert(offsetof(%s, %s) == {}, "abi-check: '
                         '%s: offsetof(%s, %s) is {} here but differs in Xen '
                         '4.17");' % (theirs, f.path, hdr, ours, f.path),
                         off, off)
                if f.flexible:
                    continue
                size = 'sizeof(((%s *)0)->%s)' % (ours, f.path)
                out.emit('_Static_assert(sizeof(((%s *)0)->%s) == {}, '
                         '"abi-check: %s: field %s of %s is {} bytes here but '
                         'of another size in Xen 4.17");' %
                         (theirs, f.path, hdr, f.path, ours), size, size)
        for name, nparams, value in defines:
            if name in seen_consts:
                continue
            seen_consts.add(name)
            expr = name
            if nparams is not None:
                expr = '%s(%s)' % (name, ', '.join(
                    hex(a) for a in SAMPLE_ARGS[:nparams]))
            if name in ALLOW_CONST:
                pinned, reason = ALLOW_CONST[name]
                if pinned is None:
                    out.emit('/* %s: not checked: %s */' % (name, reason))
                    continue
                nr_consts += 1
                out.emit('/* %s: not in Xen: %s */' % (name, reason))
                if isinstance(pinned, str):
                    out.emit('_Static_assert((unsigned long long)(%s) == {}ULL, '
                             '"abi-check: %s: %s is {} here but %s is not '
                             'that in Xen 4.17");' %
                             (pinned, hdr, name, pinned), expr, expr)
                else:
                    out.emit('_Static_assert({}ULL == %#xULL, "abi-check: %s: '
                             '%s is {} here, expected %#x");' %
                             (pinned, hdr, name, pinned), expr, expr)
                continue
            if name not in xen_macros and name not in xen_enums:
                errors.append('%s: %s is not defined by Xen 4.17: add it to '
                              'ALLOW_CONST in %s with a reason' %
                              (hdr, name, sys.argv[0]))
                continue
            if value.startswith('"'):
                if xen_macros.get(name) != value:
                    errors.append('%s: %s is %s here but %s in Xen' %
                                  (hdr, name, value, xen_macros.get(name)))
                else:
                    nr_consts += 1
                continue
            nr_consts += 1
            out.emit('_Static_assert((unsigned long long)(%s) == {}ULL, '
                     '"abi-check: %s: %s is {} here but differs in Xen '
                     '4.17");' % (expr, hdr, expr), expr, expr)

    if errors:
        for e in errors:
            print('gen-abi-check: ' + e, file=sys.stderr)
        sys.exit(1)

    print('/* Generated by tests/abi/gen-abi-check.py: do not edit. */')
    print('#include <stddef.h>')
    print('#include <stdio.h>')
    for hdr in args.headers:
        print('#include "%s"' % hdr)
    print('int main(void)')
    print('{')
    print('\n'.join(out.lines))
    print('    FILE *f = fopen(%s, "w");' % c_str(args.summary))
    print('    if (!f) return 1;')
    print('    fprintf(f, "abi-check: %d structures, %d fields, %d constants '
          'match Xen 4.17\\n");' % (nr_structs, nr_fields, nr_consts))
    print('    return fclose(f) != 0;')
    print('}')


if __name__ == '__main__':
    main()
