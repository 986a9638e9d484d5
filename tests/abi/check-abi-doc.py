#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""Keeps docs/abi.md from drifting away from hv's hypercall handlers.

For every entry `[__HYPERVISOR_<name>] = hc_<fn>,` of hv's dispatch table:

1. docs/abi.md has a section for it: a heading (## to ####) that names
   `<name>` (or `__HYPERVISOR_<name>`) as a whole word, together with its
   number from abi/hypercall.h. The section runs to the next heading of
   the same or a higher level.
2. Every errno the handler can give is named in that section (`EINVAL`
   or `-EINVAL`). "Can give" means: written as `-E<NAME>` (or
   `-XEN_E<NAME>`) in the comment above the handler or in its body, or in
   the comment or body of a function of the same file that the handler
   reaches (calls, or passes on as a callback). Other hc_* functions are not followed: each
   hypercall answers for its own section.
3. Every sub-op the handler dispatches on (a `case` label that abi/
   defines) is named in that section.

Also, every __HYPERVISOR_* number of abi/hypercall.h is named somewhere in
docs/abi.md, so the summary of what is implemented stays complete.

Usage: check-abi-doc.py [--root DIR] [--list]. --list first prints, per
hypercall, the errnos and sub-ops its section must name. Exit 0 and one summary line when
all holds; exit 1 naming each missing hypercall, errno or sub-op.
"""
import argparse
import glob
import os
import re
import sys

TABLE_ENTRY = re.compile(r'\[\s*__HYPERVISOR_(\w+)\s*\]\s*=\s*(hc_\w+)')
HC_NUMBER = re.compile(r'^\s*#\s*define\s+__HYPERVISOR_(\w+)\s+(\d+)\b', re.M)
ABI_DEFINE = re.compile(r'^\s*#\s*define\s+([A-Za-z_]\w*)', re.M)
HEADING = re.compile(r'^(#{2,4})\s+(.*)$')
# A function definition starts at column 0 and has its brace on the next
# line at column 0 (STYLE.md); its signature may span lines.
FUNC_START = re.compile(r'^(?:static\s+)?(?:inline\s+)?[A-Za-z_][\w\s\*]*?'
                        r'\b([A-Za-z_]\w*)\s*\(')
ERRNO = re.compile(r'-(?:XEN_)?(E[A-Z0-9]+)\b')
CASE = re.compile(r'\bcase\s+([A-Za-z_]\w*)\s*:')
IDENT = re.compile(r'\b([A-Za-z_]\w*)\b')
C_COMMENT = re.compile(r'/\*.*?\*/', re.S)


class Func:
    def __init__(self, name, comment, body):
        self.name, self.comment, self.body = name, comment, body


def parse_functions(path):
    """Every function defined in a C file: its leading comment and body."""
    lines = open(path).read().split('\n')
    funcs = {}
    i = 0
    while i < len(lines):
        m = FUNC_START.match(lines[i])
        if not m or lines[i].startswith((' ', '\t', '#', '/', '*', '}')):
            i += 1
            continue
        # The signature ends at the first line that is just "{".
        j = i
        while j < len(lines) and lines[j] != '{' and not lines[j].endswith(';'):
            j += 1
        if j >= len(lines) or lines[j] != '{':
            i += 1
            continue
        k = j + 1
        while k < len(lines) and lines[k] != '}':
            k += 1
        body = '\n'.join(lines[j:k + 1])
        # The comment block directly above the signature, if any.
        comment = ''
        c = i - 1
        if c >= 0 and lines[c].rstrip().endswith('*/'):
            start = c
            while start >= 0 and '/*' not in lines[start]:
                start -= 1
            comment = '\n'.join(lines[max(start, 0):c + 1])
        funcs[m.group(1)] = Func(m.group(1), comment, body)
        i = k + 1
    return funcs


def find_handler(root, name):
    """(path, functions of that file) of the .c file defining name."""
    pattern = re.compile(r'^long\s+%s\s*\(' % re.escape(name), re.M)
    for path in sorted(glob.glob(os.path.join(root, 'hv', '**', '*.c'),
                                 recursive=True)):
        if pattern.search(open(path).read()):
            return path, parse_functions(path)
    return None, {}


def reachable(funcs, start):
    """start and the same-file functions it reaches, not entering hc_*.
    A function counts as reached when its name appears in a body at all:
    called, or passed on as a callback (mm_batch's element function)."""
    seen, todo = [], [start]
    while todo:
        name = todo.pop()
        if name in seen or name not in funcs:
            continue
        seen.append(name)
        body = C_COMMENT.sub(' ', funcs[name].body)
        for callee in IDENT.findall(body):
            if callee in funcs and not callee.startswith('hc_'):
                todo.append(callee)
    return [funcs[n] for n in seen]


def sections(doc_lines):
    """(heading text, body text) for every ##..#### heading."""
    heads = []
    for n, line in enumerate(doc_lines):
        m = HEADING.match(line)
        if m:
            heads.append((n, len(m.group(1)), m.group(2)))
    out = []
    for idx, (n, level, text) in enumerate(heads):
        end = len(doc_lines)
        for n2, level2, _ in heads[idx + 1:]:
            if level2 <= level:
                end = n2
                break
        out.append((text, '\n'.join(doc_lines[n:end])))
    return out


def word(name):
    return re.compile(r'(?<![\w])%s(?![\w])' % re.escape(name))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--root', default='.')
    ap.add_argument('--list', action='store_true',
                    help='print what each section must name, then check')
    args = ap.parse_args()
    root = args.root
    doc_path = os.path.join(root, 'docs', 'abi.md')
    dispatch = os.path.join(root, 'hv', 'hypercall', 'dispatch.c')

    numbers = {n: int(v) for n, v in HC_NUMBER.findall(
        open(os.path.join(root, 'abi', 'hypercall.h')).read())}
    abi_names = set()
    for h in glob.glob(os.path.join(root, 'abi', '*.h')):
        abi_names.update(ABI_DEFINE.findall(open(h).read()))
    table = TABLE_ENTRY.findall(C_COMMENT.sub(' ', open(dispatch).read()))
    if not table:
        sys.exit('check-abi-doc: no [__HYPERVISOR_x] = hc_y entries found in '
                 '%s: has the table changed shape?' % dispatch)
    if not os.path.exists(doc_path):
        sys.exit('check-abi-doc: %s does not exist' % doc_path)
    doc = open(doc_path).read()
    secs = sections(doc.split('\n'))

    errors = []
    nr_errnos = nr_subops = 0
    for name, handler in table:
        nr = numbers.get(name)
        if nr is None:
            errors.append('%s: __HYPERVISOR_%s is not in abi/hypercall.h'
                          % (dispatch, name))
            continue
        path, funcs = find_handler(root, handler)
        if path is None:
            errors.append('%s: %s not defined in any hv/**/*.c' %
                          (dispatch, handler))
            continue
        rel = os.path.relpath(path, root)
        errnos, subops = {}, {}
        for f in reachable(funcs, handler):
            for e in ERRNO.findall(f.comment + '\n' + f.body):
                errnos.setdefault(e, f.name)
            for c in CASE.findall(C_COMMENT.sub(' ', f.body)):
                if c in abi_names:
                    subops.setdefault(c, f.name)
        if args.list:
            print('%d %s (%s): %s; %s' % (nr, name, rel,
                                         ' '.join(sorted(errnos)),
                                         ' '.join(sorted(subops))))

        found = [(t, b) for t, b in secs
                 if word(name).search(t) or word('__HYPERVISOR_' + name)
                 .search(t)]
        if not found:
            errors.append('docs/abi.md: no section for hypercall %d %s '
                          '(__HYPERVISOR_%s, handled by %s in %s): add a '
                          'heading "### %d %s"' %
                          (nr, name, name, handler, rel, nr, name))
            continue
        title, body = found[0]
        if not word(str(nr)).search(title):
            errors.append('docs/abi.md: heading "%s" lacks the number of '
                          '%s, %d' % (title, name, nr))
        nr_errnos += len(errnos)
        nr_subops += len(subops)
        for what, names, verb in (('', errnos, 'can return'),
                                  ('sub-op ', subops, 'handles')):
            for n in sorted(names):
                if not word(n).search(body):
                    errors.append('docs/abi.md: section "%s" does not name '
                                  '%s%s, which %s (%s) %s' %
                                  (title, what, n, names[n], rel, verb))

    for name in sorted(numbers, key=numbers.get):
        if not word(name).search(doc):
            errors.append('docs/abi.md: hypercall %d %s (abi/hypercall.h) '
                          'is not mentioned anywhere' % (numbers[name], name))

    sys.stdout.flush()
    if errors:
        for e in errors:
            print('check-abi-doc: ' + e, file=sys.stderr)
        print('check-abi-doc: %d problem(s); docs/abi.md must describe what '
              'hv/hypercall/dispatch.c dispatches' % len(errors),
              file=sys.stderr)
        sys.exit(1)
    print('check-abi-doc: %d dispatched hypercalls documented, %d errnos and '
          '%d sub-ops named in their sections' %
          (len(table), nr_errnos, nr_subops))


if __name__ == '__main__':
    main()
