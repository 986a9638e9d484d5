#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""Checks that interface definitions come from abi/ only.

In hv/, guest-kit/, backends/ and tests/ (but for tests/abi/, which
compares abi/ with Xen's headers), outside comments:

1. no `#define` of a name that abi/*.h defines (a private copy);
2. no struct or union definition with the name of one of abi/'s;
3. no `#include` of Xen's own headers (`xen/...`);
4. no `#define` of a name Xen's public headers define with an interface
   prefix (__HYPERVISOR_, VIRQ_, EVTCHNOP_, XENMEM_, ...) that abi/ lacks:
   such a constant belongs in abi/, where abi-check pins it.

Usage: check-abi-only.py --xen-macros FILE [--root DIR]
  --xen-macros  `gcc -dM -E tests/abi/xen-headers.h` output (rule 4).
Exit 0 and one summary line when all holds; exit 1 naming each file:line.
"""
import argparse
import glob
import os
import re
import sys

DIRS = ('hv', 'guest-kit', 'backends', 'tests')
SKIP = ('tests/abi/',)
EXTS = ('.c', '.h', '.S')
DEFINE = re.compile(r'^\s*#\s*define\s+([A-Za-z_]\w*)', re.M)
AGGREGATE = re.compile(r'\b(?:struct|union)\s+([A-Za-z_]\w*)\s*\{')
XEN_INCLUDE = re.compile(r'^\s*#\s*include\s*[<"]xen/', re.M)
# Prefixes of Xen's guest-interface constants (rule 4).
ABI_PREFIXES = (
    '__HYPERVISOR_', 'VIRQ_', 'EVTCHNOP_', 'EVTCHNSTAT_', 'XENVER_',
    'XENMEM_', 'XENMAPSPACE_', 'XENFEAT_', 'MMUEXT_', 'MMU_', 'UVMF_',
    'SCHEDOP_', 'SHUTDOWN_', 'VCPUOP_', 'CALLBACKTYPE_', 'CALLBACKOP_',
    'CALLBACKF_', 'VMASST_', 'GNTTABOP_', 'GNTST_', 'GNTMAP_', 'GTF_',
    'XEN_DOMCTL_', 'XEN_SYSCTL_', 'SIF_', 'XEN_ELFNOTE_', 'FLAT_',
    'DOMID_', 'CONSOLEIO_', 'PHYSDEVOP_', 'SEGBASE_', 'VGCF_', 'XS_',
    'XEN_E', 'HYPERVISOR_VIRT_', 'MACH2PHYS_', 'XENNMI_', 'RUNSTATE_',
)


def strip_comments(text):
    """Comments become blanks, keeping line numbers."""
    text = re.sub(r'/\*.*?\*/', lambda m: re.sub(r'[^\n]', ' ', m.group(0)),
                  text, flags=re.S)
    return re.sub(r'//[^\n]*', '', text)


def line_of(text, pos):
    return text.count('\n', 0, pos) + 1


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--xen-macros', required=True)
    ap.add_argument('--root', default='.')
    args = ap.parse_args()
    root = args.root

    abi_defines, abi_aggregates = {}, {}
    for h in sorted(glob.glob(os.path.join(root, 'abi', '*.h'))):
        text = strip_comments(open(h).read())
        rel = os.path.relpath(h, root)
        for name in DEFINE.findall(text):
            abi_defines.setdefault(name, rel)
        for name in AGGREGATE.findall(text):
            abi_aggregates.setdefault(name, rel)
    xen_names = {n for n in DEFINE.findall(open(args.xen_macros).read())
                 if n.startswith(ABI_PREFIXES)}

    errors, nr_files = [], 0
    for d in DIRS:
        for path in sorted(glob.glob(os.path.join(root, d, '**', '*'),
                                     recursive=True)):
            rel = os.path.relpath(path, root)
            if not rel.endswith(EXTS) or rel.startswith(SKIP):
                continue
            nr_files += 1
            text = strip_comments(open(path, errors='replace').read())
            for m in DEFINE.finditer(text):
                name, where = m.group(1), '%s:%d' % (rel, line_of(text,
                                                               m.start()))
                if name in abi_defines:
                    errors.append('%s: #define %s copies %s: include it '
                                  'instead' % (where, name,
                                               abi_defines[name]))
                elif name in xen_names:
                    errors.append('%s: #define %s is a Xen interface '
                                  'constant: add it to abi/ (abi-check '
                                  'pins it) and include that' % (where, name))
            for m in AGGREGATE.finditer(text):
                if m.group(1) in abi_aggregates:
                    errors.append('%s:%d: struct %s copies %s: include it '
                                  'instead' % (rel, line_of(text, m.start()),
                                               m.group(1),
                                               abi_aggregates[m.group(1)]))
            for m in XEN_INCLUDE.finditer(text):
                errors.append('%s:%d: includes a Xen header: use abi/'
                              % (rel, line_of(text, m.start())))

    if errors:
        for e in errors:
            print('check-abi-only: ' + e, file=sys.stderr)
        print('check-abi-only: %d problem(s); interface definitions come '
              'from abi/ only' % len(errors), file=sys.stderr)
        sys.exit(1)
    print('check-abi-only: %d files of %s take interface definitions from '
          'abi/ only' % (nr_files, ', '.join(d + '/' for d in DIRS)))


if __name__ == '__main__':
    main()
