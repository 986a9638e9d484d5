#!/bin/bash
# SPDX-License-Identifier: MIT
# Boot a machine: the hypervisor with a PV dom0, console on this terminal.
# Usage: scripts/run-machine.sh HV_ELF|xen DOM0_ELF [DOM0_MEM]
# Returns when the machine powers off (QEMU exits; for Xen, whose dom0
# poweroff only halts, when Xen says so), or after RUN_TIMEOUT seconds
# (default 120), killing QEMU by its PID.
set -u

usage() {
    echo "usage: $0 HV_ELF|xen DOM0_ELF [DOM0_MEM]" >&2
    exit 2
}
[ $# -ge 2 ] && [ $# -le 3 ] || usage

root=$(cd "$(dirname "$0")/.." && pwd)
hv=$1
dom0=$2
mem=${3:-64M}
timeout=${RUN_TIMEOUT:-120}
qemu=${QEMU:-qemu-system-x86_64}

case "$mem" in
    *[!0-9KMGkmg]* | "") echo "$0: DOM0_MEM \"$mem\" is not a size (try 64M)" >&2
                         exit 2 ;;
esac
case "$timeout" in
    *[!0-9]* | "") echo "$0: RUN_TIMEOUT \"$timeout\" is not seconds" >&2
                   exit 2 ;;
esac

if [ "$hv" = xen ]; then
    hv=$root/build/xen-4.17.elf
    if [ ! -e "$hv" ]; then
        mkdir -p "$root/build"
        gunzip -c /boot/xen-4.17-amd64.gz >"$hv.tmp" && mv "$hv.tmp" "$hv" ||
            { echo "$0: cannot unpack /boot/xen-4.17-amd64.gz" \
                   "(make deps?)" >&2; exit 1; }
    fi
fi
for f in "$hv" "$dom0"; do
    [ -r "$f" ] || { echo "$0: $f: not found (make all?)" >&2; exit 1; }
done

case "$(basename "$hv")" in
    *xen*) append="console=com1 com1=115200,8n1 dom0_mem=$mem,max:$mem smap=0 smep=0 loglvl=all guest_loglvl=all" ;;
    *)     append="console=com1 dom0_mem=$mem loglvl=all" ;;
esac

fifo=$(mktemp -u "${TMPDIR:-/tmp}/run-machine.XXXXXX")
mkfifo "$fifo" || exit 1
"$qemu" -cpu "${QEMU_CPU:-max}" -m "${QEMU_MEM:-1024}" -smp 1 -nographic \
    -no-reboot -monitor none -net none -serial stdio \
    -kernel "$hv" -append "$append" -initrd "$dom0" \
    </dev/null >"$fifo" 2>&1 &
qpid=$!
trap 'kill "$qpid" 2>/dev/null; rm -f "$fifo"' EXIT INT TERM

status=0
end=$((SECONDS + timeout))
exec 3<"$fifo"
while :; do
    if IFS= read -r -t 1 line <&3; then
        printf '%s\n' "${line%$'\r'}"
        case "$line" in
            # Xen halts instead of powering off after dom0's poweroff.
            *"Hardware Dom0 halted"* | *"Hardware Dom0 shutdown"*)
                kill "$qpid" 2>/dev/null
                break ;;
        esac
    elif [ $? -le 128 ]; then
        break    # end of output: QEMU exited
    fi
    if [ "$SECONDS" -ge "$end" ]; then
        echo "run-machine: no poweroff after ${timeout}s, stopping QEMU" >&2
        kill "$qpid" 2>/dev/null
        status=1
        break
    fi
done
exec 3<&-
wait "$qpid" 2>/dev/null
rc=$?
# QEMU's own failure (bad arguments, missing file) counts; our SIGTERM not.
if [ "$status" -eq 0 ] && [ "$rc" -ne 0 ] && [ "$rc" -ne 143 ]; then
    status=$rc
fi
exit "$status"
