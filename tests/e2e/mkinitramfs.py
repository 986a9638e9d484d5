#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""Write a small initramfs: a cpio archive in the "newc" format.

Usage: mkinitramfs.py OUT BUSYBOX INIT

The archive holds /bin/busybox (a static busybox), /init (a shell script
run by busybox) and the directories and /dev/console node the script
needs before it mounts devtmpfs. Uncompressed: Linux takes it as is.
"""

import os
import stat
import sys

NEWC_MAGIC = b"070701"


def pad4(n):
    return (4 - n % 4) % 4


def entry(ino, name, mode, data=b"", rdev=(0, 0), nlink=1):
    """One newc record: header, NUL-terminated name, data, each padded
    to 4 bytes (the header is 110 bytes long)."""
    name_b = name.encode() + b"\0"
    fields = [ino, mode, 0, 0, nlink, 0, len(data), 0, 0, rdev[0], rdev[1],
              len(name_b), 0]
    hdr = NEWC_MAGIC + b"".join(b"%08X" % f for f in fields)
    out = hdr + name_b + b"\0" * pad4(len(hdr) + len(name_b))
    return out + data + b"\0" * pad4(len(data))


def build(busybox, init):
    with open(busybox, "rb") as f:
        bb = f.read()
    with open(init, "rb") as f:
        script = f.read()
    recs = []
    ino = 1
    for d in (".", "bin", "dev", "proc", "sys", "tmp", "etc", "root"):
        recs.append(entry(ino, d, stat.S_IFDIR | 0o755, nlink=2))
        ino += 1
    recs.append(entry(ino, "dev/console", stat.S_IFCHR | 0o600,
                      rdev=(5, 1)))
    ino += 1
    recs.append(entry(ino, "bin/busybox", stat.S_IFREG | 0o755, bb))
    ino += 1
    recs.append(entry(ino, "bin/sh", stat.S_IFLNK | 0o777, b"busybox"))
    ino += 1
    recs.append(entry(ino, "init", stat.S_IFREG | 0o755, script))
    recs.append(entry(0, "TRAILER!!!", 0))
    return b"".join(recs)


def main():
    if len(sys.argv) != 4:
        sys.exit("usage: mkinitramfs.py OUT BUSYBOX INIT")
    out, busybox, init = sys.argv[1:]
    data = build(busybox, init)
    tmp = out + ".tmp%d" % os.getpid()
    with open(tmp, "wb") as f:
        f.write(data)
    os.replace(tmp, out)
    return 0


if __name__ == "__main__":
    sys.exit(main())
