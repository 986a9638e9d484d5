#!/bin/bash
# SPDX-License-Identifier: MIT
# Fetches Debian's own Linux kernel and busybox-static into build/linux/
# without installing them (`make linux-deps`, run by `make deps`): the
# kernel image package that linux-image-amd64 depends on, unpacked with
# dpkg -x, and an ELF vmlinux extracted from its bzImage, which hv and Xen
# both load as a PV dom0.
#
# Offline-safe: when something cannot be had, the reason goes to
# build/linux/UNAVAILABLE and the script still exits 0, so the end-to-end
# test SKIPs with that reason instead of failing. With --strict it exits 1.
#
# Result (build/linux/):
#   vmlinuz, config  the package's bzImage and kernel configuration
#   vmlinux          the ELF kernel extracted from vmlinuz
#   busybox          the static busybox binary
#   VERSION          the kernel package name and version
#   UNAVAILABLE      present only when the above could not be made: why
set -u

root=$(cd "$(dirname "$0")/.." && pwd)
out=$root/build/linux
strict=0
[ "${1:-}" = --strict ] && strict=1

mkdir -p "$out"

unavailable() {
    echo "fetch-linux: $*" >&2
    echo "$*" >"$out/UNAVAILABLE"
    [ $strict = 1 ] && exit 1
    exit 0
}

# Which kernel: the one the metapackage depends on, as apt knows it now.
# Without apt metadata, keep what an earlier run fetched.
kpkg=$(apt-cache depends linux-image-amd64 2>/dev/null |
       awk '/Depends: linux-image-[0-9]/ { print $2; exit }')
if [ -z "$kpkg" ]; then
    [ -s "$out/vmlinux" ] && [ -x "$out/busybox" ] && exit 0
    unavailable "apt does not know linux-image-amd64 (run apt-get update)"
fi
kver=$(apt-cache policy "$kpkg" 2>/dev/null | awk '/Candidate:/ { print $2 }')
want="$kpkg $kver"

if [ -s "$out/vmlinux" ] && [ -x "$out/busybox" ] &&
   [ "$(cat "$out/VERSION" 2>/dev/null)" = "$want" ]; then
    rm -f "$out/UNAVAILABLE"
    exit 0
fi

command -v apt-get >/dev/null && command -v dpkg-deb >/dev/null ||
    unavailable "apt-get and dpkg-deb are needed (Debian)"

debs=$out/debs
mkdir -p "$debs"
echo "fetch-linux: downloading $kpkg ($kver) and busybox-static"
# apt's _apt user cannot write under root-owned build dirs; download in a
# directory it can enter, then move the packages.
tmp=$(mktemp -d "${TMPDIR:-/tmp}/fetch-linux.XXXXXX")
chmod 755 "$tmp"
trap 'rm -rf "$tmp"' EXIT
if ! (cd "$tmp" && apt-get download -q \
          -o Acquire::Retries=1 -o Acquire::http::Timeout=20 \
          "$kpkg" busybox-static </dev/null >"$tmp/log" 2>&1); then
    tail -n 3 "$tmp/log" >&2
    unavailable "apt-get download $kpkg busybox-static failed" \
                "(no network?): $(grep -m1 -E '^(E|Err):' "$tmp/log")"
fi
mv "$tmp"/*.deb "$debs"/

kdeb=$(ls -t "$debs"/"$kpkg"_*.deb | head -n 1)
bdeb=$(ls -t "$debs"/busybox-static_*.deb | head -n 1)
# Unpack in $tmp and keep only what is used: the packages hold directories
# named *.d, which the Makefile would take for dependency files.
dpkg-deb -x "$kdeb" "$tmp/kernel" || unavailable "dpkg-deb -x $kdeb failed"
dpkg-deb -x "$bdeb" "$tmp/busybox" || unavailable "dpkg-deb -x $bdeb failed"

bz=$(ls "$tmp"/kernel/boot/vmlinuz-* 2>/dev/null | head -n 1)
[ -n "$bz" ] || unavailable "$kdeb holds no /boot/vmlinuz-*"
cp "$bz" "$out/vmlinuz"
cp "$tmp"/kernel/boot/config-* "$out/config" 2>/dev/null
if ! python3 "$root/scripts/extract-vmlinux.py" "$bz" "$out/vmlinux.tmp"; then
    unavailable "no ELF vmlinux could be extracted from $(basename "$bz")"
fi
mv "$out/vmlinux.tmp" "$out/vmlinux"
cp "$tmp/busybox/bin/busybox" "$out/busybox" ||
    unavailable "busybox-static holds no /bin/busybox"
echo "$want" >"$out/VERSION"
rm -rf "$out/UNAVAILABLE" "$debs"
echo "fetch-linux: build/linux/vmlinux is $want"
