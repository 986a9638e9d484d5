#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""Extract the ELF kernel (vmlinux) from an x86 bzImage.

Usage: extract-vmlinux.py BZIMAGE OUT_ELF

The bzImage's setup header (boot protocol 2.08 and later) gives the
compressed payload's offset and length inside the protected-mode part;
when the header does not, the payload is found by the magic bytes of each
compression format. The payload is decompressed with the system's own
tools (gzip, xz, zstd, lz4, bzip2, lzma) and kept only if it is an ELF
file. Exit status 0 on success, 1 if nothing decompressed to an ELF.
"""

import os
import struct
import subprocess
import sys

# (name, magic, decompress command reading stdin, writing stdout)
FORMATS = [
    ("gzip", b"\x1f\x8b\x08", ["gzip", "-dc"]),
    ("xz", b"\xfd7zXZ\x00", ["xz", "-dc"]),
    ("zstd", b"\x28\xb5\x2f\xfd", ["zstd", "-dcq"]),
    ("lz4", b"\x02\x21\x4c\x18", ["lz4", "-dc"]),
    ("bzip2", b"BZh", ["bzip2", "-dc"]),
    ("lzma", b"\x5d\x00\x00", ["xz", "--format=lzma", "-dc"]),
]
ELF_MAGIC = b"\x7fELF"


def header_payload(image):
    """(offset, length) of the payload per the setup header, or None."""
    if len(image) < 0x250 or image[0x202:0x206] != b"HdrS":
        return None
    version = struct.unpack_from("<H", image, 0x206)[0]
    if version < 0x208:
        return None
    setup_sects = image[0x1F1] or 4
    pm_start = (setup_sects + 1) * 512
    offset, length = struct.unpack_from("<II", image, 0x248)
    start = pm_start + offset
    if length == 0 or start + length > len(image):
        return None
    return start, length


def decompress(cmd, data):
    """Decompress data with cmd; the output, even if the tool complained
    about trailing bytes (a payload found by magic has no known end)."""
    try:
        proc = subprocess.run(cmd, input=data, stdout=subprocess.PIPE,
                              stderr=subprocess.DEVNULL, check=False)
    except OSError:
        return b""
    return proc.stdout


def candidates(image):
    """Payloads to try: the header's first, then every magic match."""
    hp = header_payload(image)
    if hp:
        start, length = hp
        chunk = image[start:start + length]
        for name, magic, cmd in FORMATS:
            if chunk.startswith(magic):
                yield name, start, chunk, cmd
    for name, magic, cmd in FORMATS:
        pos = image.find(magic)
        while pos >= 0:
            yield name, pos, image[pos:], cmd
            pos = image.find(magic, pos + 1)


def main():
    if len(sys.argv) != 3:
        sys.exit("usage: extract-vmlinux.py BZIMAGE OUT_ELF")
    src, dst = sys.argv[1], sys.argv[2]
    with open(src, "rb") as f:
        image = f.read()
    if image.startswith(ELF_MAGIC):
        out = image
        how = "already an ELF"
    else:
        out = None
        for name, pos, chunk, cmd in candidates(image):
            data = decompress(cmd, chunk)
            if data.startswith(ELF_MAGIC):
                out = data
                how = "%s payload at offset %#x" % (name, pos)
                break
        if out is None:
            print("extract-vmlinux: %s: no compressed ELF payload found"
                  % src, file=sys.stderr)
            return 1
    tmp = dst + ".tmp%d" % os.getpid()
    with open(tmp, "wb") as f:
        f.write(out)
    os.replace(tmp, dst)
    print("extract-vmlinux: %s: %s, %d bytes" % (src, how, len(out)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
