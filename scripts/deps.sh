#!/bin/sh
# SPDX-License-Identifier: MIT
# Installs the Debian packages the build and tests need (`make deps`).
# Silent and fast when everything is there: make run/test call it each time.

PACKAGES="qemu-system-x86 libcmocka-dev libyaml-dev uuid-dev libxen-dev
xenstore-utils xen-hypervisor-4.17-amd64 busybox-static gcc make binutils
clang python3 libxml2-utils
gnuplot-nox"

missing=
for p in $PACKAGES; do
    status=$(dpkg-query -W -f='${Status}' "$p" 2>/dev/null)
    case "$status" in
    *" installed") ;;
    *) missing="$missing $p" ;;
    esac
done
[ -z "$missing" ] && exit 0
missing=${missing# }

if ! command -v apt-get >/dev/null 2>&1; then
    echo "deps: missing packages: $missing" >&2
    echo "deps: this is not a Debian system; install their equivalents." >&2
    exit 1
fi

if [ "$(id -u)" -ne 0 ]; then
    echo "deps: missing packages: $missing" >&2
    echo "deps: run this as root, then retry:" >&2
    echo "  apt-get update && apt-get install -y --no-install-recommends $missing" >&2
    exit 1
fi

echo "deps: installing $missing"
export DEBIAN_FRONTEND=noninteractive
apt-get update -q </dev/null >/dev/null || {
    echo "deps: apt-get update failed" >&2
    exit 1
}
# shellcheck disable=SC2086 # word splitting of the package list is intended
apt-get install -y -q --no-install-recommends $missing </dev/null || {
    echo "deps: apt-get install failed for: $missing" >&2
    exit 1
}
echo "deps: done"
