#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""Boot the benchmark kernels of tests/bench/ on hv and on Xen 4.17 and
report instructions per operation side by side (make bench), or run each
once on hv with tiny counts as a test that they still work (make
bench-smoke).

make bench: every kernel boots as dom0 under QEMU with
`-icount shift=0,sleep=off -rtc base=2020-01-01,clock=vm -smp 1` and a
fixed CPU model, where each retired instruction advances the TSC by one,
so the in-guest TSC deltas the kernels print are exact instruction counts
and identical from run to run. Each (kernel, hypervisor) pair runs
--repeat times (default 2) and every figure is compared across the runs.
The results go to docs/performance.md (table, method, boot figures, the
hand-written analysis in tests/bench/notes.md) and docs/performance.png
(gnuplot bar chart of the hv/Xen ratios).

make bench-smoke: plain TCG (fast), hv only, kernels told "smoke" on their
command line; passes if each kernel prints BENCH-END and every metric it
starts ends in a BENCH or BENCH-SKIP line. No figure is checked.

QEMU is stopped by its PID as soon as a kernel prints BENCH-END, a result
line of an error, or a crash line; a halted Xen never exits on its own.
"""

import argparse
import concurrent.futures
import datetime
import glob
import gzip
import os
import re
import select
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time

ROOT = os.path.realpath(os.path.join(os.path.dirname(__file__), ".."))
XEN_GZ = "/boot/xen-4.17-amd64.gz"

# Consoles at the default log level: hv and Xen print nothing per operation,
# and what they print at boot is part of the boot figures.
HV_APPEND = "console=com1 dom0_mem=64M"
XEN_APPEND = ("console=com1 com1=115200,8n1 dom0_mem=64M,max:64M smap=0 "
              "smep=0 noreboot=false")

ICOUNT = ["-icount", "shift=0,sleep=off", "-rtc", "base=2020-01-01,clock=vm"]

# What each metric measures, in table order. Metrics a kernel prints that
# are not listed here are appended at the end of the table.
METRICS = [
    ("null_hypercall", "xen_version(0, NULL) round trip"),
    ("multicall_32_per_entry", "32-entry multicall of xen_version(0), per entry"),
    ("mmu_update_b1", "4096 L1 updates through mmu_update, 1 per call; per update"),
    ("mmu_update_b16", "same, 16 per call; per update"),
    ("mmu_update_b512", "same, 512 per call; per update"),
    ("update_va_mapping", "update_va_mapping of a kernel VA, no flush"),
    ("update_va_mapping_invlpg", "update_va_mapping with UVMF_INVLPG"),
    ("tlb_flush_local", "mmuext_op TLB_FLUSH_LOCAL"),
    ("pf_bounce", "#PF in the kernel bounced to its handler, which skips the access; iret hypercall back"),
    ("pf_map_fixup", "#PF on an unmapped page, the handler maps it with update_va_mapping (no flush), the access is retried; unmapping between passes is not timed"),
    ("syscall_bounce", "user-mode syscall bounced to the guest kernel and back (iret, VGCF_in_syscall)"),
    ("evtchn_send_self", "EVTCHNOP_send on a loopback channel, events masked; guest clears pending"),
    ("evtchn_upcall", "EVTCHNOP_send with events unmasked: send, upcall, handler, iret"),
    ("grant_copy_64", "GNTTABOP_copy of 64 bytes from a frame granted to ourselves, one copy per call"),
    ("grant_copy_4k", "GNTTABOP_copy of a 4 KiB page, one per call"),
    ("grant_copy_4k_b16", "GNTTABOP_copy of 4 KiB pages, 16 per call; per page"),
    ("hypervisor_boot", "hypervisor's first instruction to dom0's first: power-on to dom0 entry minus the firmware baseline; calibration and RTC waits included (see Boot cost)"),
    ("guest_entry_to_main", "dom0's first instruction to main() of a guest-kit kernel (its setup: .bss, shared_info mapping, trap table)"),
]
# Raw boot figures: shown in the Boot cost section, not in the main table.
BOOT_RAW = ("boot_entry", "boot_main", "boot_main_systime")
DESCRIPTIONS = dict(METRICS)
ORDER = {m: i for i, (m, _) in enumerate(METRICS)}

START_RE = re.compile(r"BENCH-START (\S+)")
BENCH_RE = re.compile(r"BENCH (\S+)((?: \w+=[0-9.]+)+)\s*$")
SKIP_RE = re.compile(r"BENCH-SKIP (\S+): ?(.*)")
END_RE = re.compile(r"BENCH-END (\S+)")
FIRMWARE_RE = re.compile(r"BENCH-FIRMWARE entry_tsc=0x([0-9a-f]+)")
ERROR_RES = [
    re.compile(r"Test result: (?:ERROR|FAILURE).*"),
    re.compile(r"Hardware Dom0 crashed.*"),
    re.compile(r"\b(?:d0|dom0|Dom0|domain 0) crashed\b.*"),
    re.compile(r"Panic on CPU.*|\bPANIC\b.*|\bpanic: .*"),
]
HV_BOOT_RE = re.compile(r"boot: (\d+) us to dom0's first instruction")
HV_LOG_RE = re.compile(r"\(hv\) \[\s*(\d+)\.(\d+)\] (.*)")
XEN_VERSION_RE = re.compile(r"Xen version (\S+)")

print_lock = threading.Lock()


def log(msg):
    with print_lock:
        print(msg, flush=True)


# ------------------------------------------------------------ discovery

def discover(build):
    """Kernel names from tests/bench/*/files.mk, in name order."""
    names = []
    for mk in sorted(glob.glob(os.path.join(ROOT, "tests/bench/*/files.mk"))):
        with open(mk) as f:
            for line in f:
                m = re.match(r"\s*bench-kernels\s*\+=\s*(.+)", line)
                if m:
                    names += m.group(1).split()
    return [(n, os.path.join(build, "tests/bench", n + ".elf"))
            for n in names]


def xen_elf(build):
    if not os.path.exists(XEN_GZ):
        sys.exit("bench: %s is missing (make deps)" % XEN_GZ)
    out = os.path.join(build, "xen-4.17.elf")
    if not os.path.exists(out) or os.path.getmtime(out) < os.path.getmtime(XEN_GZ):
        tmp = out + ".tmp%d" % os.getpid()
        with gzip.open(XEN_GZ, "rb") as src, open(tmp, "wb") as dst:
            shutil.copyfileobj(src, dst)
        os.replace(tmp, out)
    return out


# ------------------------------------------------------------ running

def qemu_cmd(args, hv_elf, append, initrd, icount):
    cmd = [args.qemu, "-cpu", args.cpu, "-m", "1024", "-smp", "1",
           "-nographic", "-no-reboot", "-monitor", "none", "-net", "none",
           "-serial", "stdio"]
    if icount:
        cmd += ICOUNT
    return cmd + ["-kernel", hv_elf, "-append", append, "-initrd", initrd]


def stop(proc):
    """End QEMU by its PID: SIGTERM, then SIGKILL if it lingers."""
    if proc.poll() is not None:
        return
    try:
        os.kill(proc.pid, signal.SIGTERM)
        proc.wait(timeout=3)
    except subprocess.TimeoutExpired:
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait()
    except ProcessLookupError:
        pass


def run_qemu(cmd, logpath, timeout, done_re):
    """Run QEMU until a line matches done_re or an error line; return
    (status, why, lines). status: ok, error, timeout."""
    lines = []
    status, why = None, ""
    start = time.monotonic()
    with open(logpath, "wb") as logf:
        logf.write(("# " + " ".join(repr(c) if " " in c else c for c in cmd)
                    + "\n").encode())
        proc = subprocess.Popen(cmd, stdin=subprocess.DEVNULL,
                                stdout=subprocess.PIPE,
                                stderr=subprocess.STDOUT, cwd=ROOT)
        fd = proc.stdout.fileno()
        pending = b""
        try:
            while status is None:
                left = start + timeout - time.monotonic()
                if left <= 0:
                    status, why = "timeout", "no BENCH-END after %gs" % timeout
                    break
                ready, _, _ = select.select([fd], [], [], min(left, 1.0))
                if not ready:
                    continue
                chunk = os.read(fd, 65536)
                if not chunk:
                    proc.wait()
                    status, why = "error", ("QEMU exited (status %d) before "
                                            "BENCH-END" % proc.returncode)
                    break
                logf.write(chunk)
                logf.flush()
                pending += chunk
                while b"\n" in pending and status is None:
                    raw, pending = pending.split(b"\n", 1)
                    line = raw.decode("utf-8", "replace").rstrip("\r")
                    lines.append(line)
                    if done_re.search(line):
                        status = "ok"
                        break
                    for r in ERROR_RES:
                        m = r.search(line)
                        if m:
                            status, why = "error", m.group(0).strip()
                            break
        finally:
            stop(proc)
            proc.stdout.close()
    return status, why, lines


def reread_log(logpath, done_re):
    """--reuse-logs: the lines of an earlier run's log, as run_qemu saw them."""
    if not os.path.exists(logpath):
        return "error", "no log %s to reuse" % logpath, []
    with open(logpath, "rb") as f:
        text = f.read().decode("utf-8", "replace")
    lines = [l.rstrip("\r") for l in text.split("\n")[1:]]
    for i, line in enumerate(lines):
        if done_re.search(line):
            return "ok", "", lines[:i + 1]
    return "error", "the reused log has no end line", lines


def parse(lines):
    """BENCH lines into {metric: {key: value}}, skips into {metric: why}."""
    figures, skips, hv_log = {}, {}, []
    xen_version = None
    for line in lines:
        m = BENCH_RE.search(line)
        if m:
            figures[m.group(1)] = dict(
                kv.split("=", 1) for kv in m.group(2).split())
            continue
        m = SKIP_RE.search(line)
        if m:
            skips[m.group(1)] = m.group(2).strip()
            continue
        m = HV_LOG_RE.search(line)
        if m:
            hv_log.append((int(m.group(1)) * 1000000 + int(m.group(2)),
                           m.group(3)))
        m = XEN_VERSION_RE.search(line)
        if m and not xen_version:
            xen_version = m.group(1)
    return figures, skips, hv_log, xen_version


def run_job(args, job):
    """One boot: job = dict(kernel, elf, hv, hv_elf, append, rep)."""
    name = "%s-%s-%d" % (job["kernel"], job["hv"], job["rep"])
    logpath = os.path.join(args.logdir, name + ".log")
    if not os.path.exists(job["elf"]):
        return dict(job, status="error", why="%s not built" % job["elf"],
                    figures={}, skips={}, hv_log=[], xen_version=None,
                    log=logpath, secs=0.0)
    initrd = job["elf"] + (" smoke" if args.smoke else "")
    cmd = qemu_cmd(args, job["hv_elf"], job["append"], initrd,
                   icount=not args.smoke)
    done = FIRMWARE_RE if job["kernel"] == "firmware" else END_RE
    t0 = time.monotonic()
    if args.reuse_logs:
        status, why, lines = reread_log(logpath, done)
    else:
        status, why, lines = run_qemu(cmd, logpath, job["timeout"], done)
    secs = time.monotonic() - t0
    figures, skips, hv_log, xen_version = parse(lines)
    if job["kernel"] == "firmware":
        for line in lines:
            m = FIRMWARE_RE.search(line)
            if m:
                figures["firmware"] = {"insns": str(int(m.group(1), 16))}
    return dict(job, status=status, why=why, figures=figures, skips=skips,
                hv_log=hv_log, xen_version=xen_version, log=logpath,
                secs=secs)


def run_all(args, jobs):
    results = []
    with concurrent.futures.ThreadPoolExecutor(args.jobs) as pool:
        futs = [pool.submit(run_job, args, j) for j in jobs]
        for fut in concurrent.futures.as_completed(futs):
            r = fut.result()
            word = {"ok": "done", "error": "ERROR", "timeout": "TIMEOUT"}[r["status"]]
            msg = "bench: %-10s on %-3s run %d: %s (%.1fs)" % (
                r["kernel"], r["hv"], r["rep"], word, r["secs"])
            if r["status"] != "ok":
                msg += ": %s (log: %s)" % (r["why"], os.path.relpath(r["log"], ROOT))
            log(msg)
            results.append(r)
    return results


# ------------------------------------------------------------ smoke

def smoke(args, kernels, hv_elf):
    jobs = [dict(kernel=k, elf=e, hv="hv", hv_elf=hv_elf, append=HV_APPEND,
                 rep=1, timeout=args.timeout_hv) for k, e in kernels]
    results = run_all(args, jobs)
    bad = 0
    nr_figures = nr_skips = 0
    for r in sorted(results, key=lambda r: r["kernel"]):
        if r["status"] != "ok":
            bad += 1
            continue
        if not r["figures"] and not r["skips"]:
            log("bench-smoke: %s printed no BENCH line" % r["kernel"])
            bad += 1
        nr_figures += len(r["figures"])
        nr_skips += len(r["skips"])
        for metric, why in sorted(r["skips"].items()):
            log("bench-smoke: %s: SKIP %s: %s" % (r["kernel"], metric, why))
    log("bench-smoke: %d kernels, %d ran to the end; %d metrics measured, "
        "%d skipped" % (len(results), len(results) - bad, nr_figures,
                        nr_skips))
    return 1 if bad else 0


# ------------------------------------------------------------ full run

def primary(fig):
    """The number a table cell shows for one BENCH line."""
    for key in ("insns_per_op", "insns", "ns"):
        if key in fig:
            return key, float(fig[key])
    key = sorted(fig)[0]
    return key, float(fig[key])


def collect(results):
    """{hv: {metric: fig}}, {hv: {metric: why}}, determinism report."""
    by = {}
    for r in results:
        by.setdefault((r["hv"], r["kernel"]), []).append(r)
    figs, skips, diffs, failures = {}, {}, [], []
    for (hv, kernel), runs in sorted(by.items()):
        runs.sort(key=lambda r: r["rep"])
        for r in runs:
            if r["status"] != "ok":
                failures.append("%s on %s run %d: %s" % (kernel, hv, r["rep"],
                                                         r["why"]))
        ok = [r for r in runs if r["status"] == "ok"]
        if not ok:
            continue
        first = ok[0]
        figs.setdefault(hv, {}).update(first["figures"])
        skips.setdefault(hv, {}).update(first["skips"])
        for other in ok[1:]:
            for metric in sorted(set(first["figures"]) | set(other["figures"])):
                a = first["figures"].get(metric)
                b = other["figures"].get(metric)
                if a != b:
                    diffs.append("%s on %s: run 1 %s, run %d %s" % (
                        metric, hv, a, other["rep"], b))
    return figs, skips, diffs, failures


def fmt(v):
    if v != int(v):
        return "%.1f" % v
    return "{:,}".format(int(v)) if v >= 100000 else "%d" % v


def derive_boot(figs, firmware):
    """Add hypervisor_boot and guest_entry_to_main from the raw figures."""
    for hv, f in figs.items():
        if "boot_entry" in f and firmware is not None:
            f["hypervisor_boot"] = {
                "insns": str(int(f["boot_entry"]["insns"]) - firmware)}
        if "boot_entry" in f and "boot_main" in f:
            f["guest_entry_to_main"] = {
                "insns": str(int(f["boot_main"]["insns"]) -
                             int(f["boot_entry"]["insns"]))}


def table_rows(figs, skips):
    metrics = set()
    for hv in ("hv", "xen"):
        metrics |= set(figs.get(hv, {})) | set(skips.get(hv, {}))
    metrics.discard("firmware")
    metrics -= set(BOOT_RAW)
    rows = []
    for m in sorted(metrics, key=lambda m: (ORDER.get(m, len(ORDER)), m)):
        cells, vals = [], {}
        for hv in ("hv", "xen"):
            if m in figs.get(hv, {}):
                key, v = primary(figs[hv][m])
                vals[hv] = v
                cells.append(fmt(v))
            elif m in skips.get(hv, {}):
                cells.append("SKIP: " + skips[hv][m].replace("|", "\\|"))
            else:
                cells.append("-")
        ratio = None
        if "hv" in vals and vals.get("xen"):
            ratio = vals["hv"] / vals["xen"]
        rows.append(dict(metric=m, hv=cells[0], xen=cells[1], ratio=ratio,
                         what=DESCRIPTIONS.get(m, "")))
    return rows


def write_chart(rows, png):
    """Bar chart of the ratios with gnuplot; False if gnuplot is missing."""
    data = [(r["metric"], r["ratio"]) for r in rows if r["ratio"] is not None]
    if not data or not shutil.which("gnuplot"):
        return False
    with tempfile.TemporaryDirectory() as tmp:
        dat = os.path.join(tmp, "ratios.dat")
        with open(dat, "w") as f:
            for i, (m, v) in enumerate(data):
                color = "0x2e8b57" if v < 1.0 else "0xc0392b"
                f.write('%d "%s" %.4f %s\n' % (i, m.replace("_", "\\\\_"), v,
                                               color))
        ymax = max(1.2, max(v for _, v in data) * 1.15)
        script = """
set terminal pngcairo size 1000,560 font "sans,10"
set output '%s'
set title "hv / Xen 4.17, instructions per operation (QEMU icount; < 1: hv runs fewer)"
set style fill solid 0.85 border -1
set boxwidth 0.7
set yrange [0:%f]
set ylabel "ratio hv / Xen"
set xtics rotate by -35 left nomirror
set ytics nomirror
set grid ytics
unset key
set xrange [-0.7:%f]
plot '%s' using 1:3:4:xtic(2) with boxes lc rgb variable, \\
     '%s' using 1:3:(sprintf("%%.2f", $3)) with labels offset 0,0.7, \\
     1 with lines lc rgb "black" dt 2
""" % (png, ymax, len(data) - 0.3, dat, dat)
        gp = os.path.join(tmp, "chart.gp")
        with open(gp, "w") as f:
            f.write(script)
        subprocess.run(["gnuplot", gp], check=True)
    return True


def debug_note():
    """Whether the debug build measured differs from a release one."""
    try:
        out = subprocess.run(["grep", "-rlE", "CONFIG_DEBUG|NDEBUG", "hv"],
                             cwd=ROOT, capture_output=True, text=True).stdout
    except OSError:
        return ""
    if out.strip():
        return (" (CONFIG_DEBUG=y by default: hv's debug checks are "
                "included in its figures)")
    return (" (no hv code tests CONFIG_DEBUG at this revision, so debug "
            "and release builds are the same code)")


def git_rev():
    try:
        rev = subprocess.run(["git", "describe", "--always", "--dirty"],
                             cwd=ROOT, capture_output=True, text=True,
                             check=True).stdout.strip()
        return rev
    except (OSError, subprocess.CalledProcessError):
        return "unknown"


def qemu_version(qemu):
    out = subprocess.run([qemu, "--version"], capture_output=True, text=True)
    return out.stdout.splitlines()[0] if out.stdout else qemu


def boot_section(figs, results, firmware):
    """Boot figures: power-on to dom0 entry and main, hv's own timeline."""
    out = []
    hv_f, xen_f = figs.get("hv", {}), figs.get("xen", {})
    if "boot_entry" not in hv_f and "boot_entry" not in xen_f:
        return out
    out.append("## Boot cost\n")
    out.append("Instructions from QEMU's power-on (TSC = 0), read by the "
               "`boot` kernel at its first instruction and at main(); the "
               "firmware baseline is the TSC at the first instruction of a "
               "null multiboot kernel (tests/bench/firmware) booted the "
               "same way.\n")

    def val(f, m):
        return int(primary(f[m])[1]) if m in f else None

    rows = []
    if firmware is not None:
        rows.append(("firmware and multiboot loader (SeaBIOS)", firmware,
                     firmware))
    rows += [
        ("power-on to dom0's first instruction", val(hv_f, "boot_entry"),
         val(xen_f, "boot_entry")),
        ("hypervisor's first instruction to dom0's first",
         val(hv_f, "hypervisor_boot"), val(xen_f, "hypervisor_boot")),
        ("dom0's first instruction to main()",
         val(hv_f, "guest_entry_to_main"), val(xen_f, "guest_entry_to_main")),
        ("power-on to main()", val(hv_f, "boot_main"), val(xen_f, "boot_main")),
        ("system time at main() (ns since the hypervisor's own time zero; "
         "not comparable)", val(hv_f, "boot_main_systime"),
         val(xen_f, "boot_main_systime")),
    ]
    out.append("| | hv | Xen 4.17 | ratio |")
    out.append("|---|---:|---:|---:|")
    for label, h, x in rows:
        ratio = "%.3f" % (h / x) if h and x and "time zero" not in label \
            else "-"
        out.append("| %s | %s | %s | %s |" % (
            label, "{:,}".format(h) if h is not None else "-",
            "{:,}".format(x) if x is not None else "-", ratio))
    out.append("")
    hv_boot = [r for r in results if r["hv"] == "hv" and r["kernel"] == "boot"
               and r["status"] == "ok"]
    if hv_boot and hv_boot[0]["hv_log"]:
        out.append("hv's own boot timeline, from its log in the same run "
                   "(time zero is where hv starts its TSC calibration; under "
                   "icount 1 ms = 1,000,000 instructions):\n")
        out.append("```")
        for us, text in hv_boot[0]["hv_log"]:
            out.append("%9.3f ms  %s" % (us / 1000.0, text))
            if HV_BOOT_RE.search(text):
                break
        out.append("```\n")
    return out


def write_doc(args, rows, figs, skips, diffs, failures, results, firmware,
              chart_ok, xen_version):
    cmd = qemu_cmd(args, "HV.elf", "HV ARGS", "BENCH-KERNEL.elf", icount=True)
    lines = [
        "# Performance: hv beside Xen 4.17",
        "",
        "<!-- Generated by `make bench` (scripts/bench.py); edit "
        "tests/bench/notes.md for the analysis, not this file. -->",
        "",
        "Instructions per operation, counted by the guest's TSC under QEMU's "
        "icount mode, for the same benchmark kernels (tests/bench/) booted "
        "as dom0 on hv and on Debian's Xen %s. The ratio is hv / Xen: "
        "**below 1 hv runs fewer instructions**, above 1 it loses. These are "
        "code-path lengths, not hardware latencies: a TLB flush or a CR3 "
        "write counts as one instruction (see the notes below)."
        % (xen_version or "4.17"),
        "",
        "| metric | hv | Xen 4.17 | ratio hv/Xen | what is measured |",
        "|---|---:|---:|---:|---|",
    ]
    for r in rows:
        ratio = "**%.2f**" % r["ratio"] if r["ratio"] is not None else "-"
        if r["ratio"] is not None and r["ratio"] > 1.0:
            ratio += " (hv slower)"
        lines.append("| %s | %s | %s | %s | %s |" % (
            r["metric"], r["hv"], r["xen"], ratio, r["what"]))
    lines.append("")
    if chart_ok:
        lines += ["![hv / Xen ratios](performance.png)", ""]
    losses = [r for r in rows if r["ratio"] is not None and r["ratio"] > 1.0]
    if losses:
        lines.append("Where hv is slower than Xen: " + ", ".join(
            "`%s` (%.2f)" % (r["metric"], r["ratio"]) for r in losses) +
            ". The notes below say why and what would fix it.")
    else:
        lines.append("hv runs fewer instructions than Xen on every measured "
                     "path.")
    lines.append("")
    lines += boot_section(figs, results, firmware)

    lines += ["## How this was produced", ""]
    lines.append("- Command: `make bench` (scripts/bench.py%s), %s, git "
                 "revision `%s`." % (
                     " " + " ".join(args.argv) if args.argv else "",
                     args.measured_at, args.measured_rev))
    lines.append("- Emulator: %s, TCG (no KVM)." % qemu_version(args.qemu))
    lines.append("- Each kernel boots as dom0:\n\n  ```\n  %s\n  ```\n" %
                 " ".join("'%s'" % c if " " in c else c for c in cmd))
    lines.append("- hv: `%s` as `make` built it, command line `%s`%s." % (
        os.path.relpath(os.path.join(args.build, "hv/hv.elf"), ROOT),
        HV_APPEND, debug_note()))
    lines.append("- Xen: `%s` unpacked, command line `%s` (SMAP/SMEP off: "
                 "TCG needs it, see shared/reference/qemu-tcg-quirks.md)."
                 % (XEN_GZ, XEN_APPEND))
    lines.append("- `-icount shift=0,sleep=off` with `-rtc clock=vm` makes "
                 "every retired instruction advance virtual time, and the "
                 "guest TSC, by exactly 1 ns. `-cpu %s` is the same model "
                 "for both (under TCG an AuthenticAMD CPU: Xen takes its AMD "
                 "paths, e.g. no XPTI)." % args.cpu)
    lines.append("- The kernels stop the 10 ms periodic timer first, time "
                 "each loop with two `rdtsc`s and print `insns_per_op` "
                 "rounded to 0.1. Figures include the guest's own side of "
                 "each path (the hypercall-page stub, guest-kit's trap entry "
                 "and dispatch), which is the same code on both.")
    if args.repeat > 1:
        if diffs:
            lines.append("- Determinism: **%d figures differed** between "
                         "the %d runs of each kernel:" % (len(diffs),
                                                          args.repeat))
            lines += ["  - " + d for d in diffs]
        else:
            lines.append("- Determinism: each kernel ran %d times on each "
                         "hypervisor; every figure was identical across the "
                         "runs." % args.repeat)
    if failures:
        lines.append("- Runs that failed: " + "; ".join(failures))
    lines.append("")
    notes = os.path.join(ROOT, "tests/bench/notes.md")
    if os.path.exists(notes):
        with open(notes) as f:
            lines.append(f.read().rstrip() + "\n")
    with open(args.doc, "w") as f:
        f.write("\n".join(lines).rstrip() + "\n")


def measured(args):
    """When and at which revision the figures were measured: now, or what
    the run whose logs --reuse-logs reads recorded."""
    stamp = os.path.join(args.logdir, "measured")
    if args.reuse_logs and os.path.exists(stamp):
        with open(stamp) as f:
            at, rev = f.read().strip().split("\n", 1)
    else:
        now = datetime.datetime.now(datetime.timezone.utc)
        at, rev = now.strftime("%Y-%m-%d %H:%M UTC"), git_rev()
        with open(stamp, "w") as f:
            f.write("%s\n%s\n" % (at, rev))
    args.measured_at, args.measured_rev = at, rev


def full(args, kernels, hv_elf):
    measured(args)
    xen = xen_elf(args.build)
    hvs = [("hv", hv_elf, HV_APPEND, args.timeout_hv),
           ("xen", xen, XEN_APPEND, args.timeout_xen)]
    if args.only:
        hvs = [h for h in hvs if h[0] == args.only]
    jobs = []
    for rep in range(1, args.repeat + 1):
        for k, e in kernels:
            for hv, elf, append, timeout in hvs:
                jobs.append(dict(kernel=k, elf=e, hv=hv, hv_elf=elf,
                                 append=append, rep=rep, timeout=timeout))
    # Firmware baseline: a null multiboot kernel that prints its TSC.
    fw_elf = os.path.join(args.build, "tests/bench/firmware.elf")
    boot_elf = os.path.join(args.build, "tests/bench/boot.elf")
    if os.path.exists(fw_elf) and os.path.exists(boot_elf):
        for rep in range(1, args.repeat + 1):
            jobs.append(dict(kernel="firmware", elf=boot_elf, hv="null",
                             hv_elf=fw_elf, append="", rep=rep,
                             timeout=args.timeout_hv))
    log("bench: %d boots, %d at once (icount: about 8x slower than plain "
        "TCG; Xen boots take longest)" % (len(jobs), args.jobs))
    results = run_all(args, jobs)
    fw = [r for r in results if r["kernel"] == "firmware"
          and r["status"] == "ok" and "firmware" in r["figures"]]
    firmware = int(fw[0]["figures"]["firmware"]["insns"]) if fw else None
    fw_vals = {r["figures"]["firmware"]["insns"] for r in fw}
    figs, skips, diffs, failures = collect(
        [r for r in results if r["kernel"] != "firmware"])
    if len(fw_vals) > 1:
        diffs.append("firmware baseline: %s" % ", ".join(sorted(fw_vals)))
    derive_boot(figs, firmware)
    rows = table_rows(figs, skips)
    xen_version = next((r["xen_version"] for r in results
                        if r["hv"] == "xen" and r["xen_version"]), None)

    log("")
    log("%-26s %12s %12s %8s" % ("metric", "hv", "Xen", "hv/Xen"))
    for r in rows:
        log("%-26s %12s %12s %8s" % (
            r["metric"], r["hv"][:12], r["xen"][:12],
            "%.3f" % r["ratio"] if r["ratio"] is not None else "-"))
    if args.repeat > 1:
        log("bench: determinism: %s" % (
            "all figures identical across %d runs" % args.repeat
            if not diffs else "%d figures differ:\n  %s" % (
                len(diffs), "\n  ".join(diffs))))
    if args.doc:
        chart_ok = write_chart(rows, args.png)
        write_doc(args, rows, figs, skips, diffs, failures, results,
                  firmware, chart_ok, xen_version)
        log("bench: wrote %s%s" % (os.path.relpath(args.doc, ROOT),
                                   " and " + os.path.relpath(args.png, ROOT)
                                   if chart_ok else " (no gnuplot: no chart)"))
    return 1 if failures or diffs else 0


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--smoke", action="store_true",
                    help="plain TCG, hv only, tiny counts: a test, no figures")
    ap.add_argument("--only", choices=("hv", "xen"),
                    help="run on one hypervisor (no doc is written)")
    ap.add_argument("--filter", default="",
                    help="comma-separated kernel names (default all)")
    ap.add_argument("--repeat", type=int, default=2,
                    help="runs of each kernel per hypervisor (default 2)")
    ap.add_argument("--jobs", type=int, default=2, help="QEMUs at once")
    ap.add_argument("--cpu", default=os.environ.get("BENCH_CPU", "max"),
                    help="QEMU -cpu model (default max)")
    ap.add_argument("--build", default=os.path.join(ROOT, "build"))
    ap.add_argument("--logdir", default=None)
    ap.add_argument("--no-doc", action="store_true",
                    help="print the table only")
    ap.add_argument("--reuse-logs", action="store_true",
                    help="parse the logs of the last run instead of "
                    "booting (to regenerate the doc after editing notes)")
    ap.add_argument("--timeout-hv", type=float, default=120)
    ap.add_argument("--timeout-xen", type=float, default=600)
    args = ap.parse_args()
    # The flags that shaped the figures (--reuse-logs only re-reads them).
    args.argv = [a for a in sys.argv[1:] if a != "--reuse-logs"]
    args.qemu = os.environ.get("QEMU", "qemu-system-x86_64")
    if not shutil.which(args.qemu):
        sys.exit("bench: %s not found (make deps)" % args.qemu)
    args.logdir = args.logdir or os.path.join(
        args.build, "bench-smoke" if args.smoke else "bench")
    os.makedirs(args.logdir, exist_ok=True)
    args.doc = None if (args.no_doc or args.only or args.smoke or
                        args.filter) else os.path.join(ROOT, "docs/performance.md")
    args.png = os.path.join(ROOT, "docs/performance.png")

    kernels = discover(args.build)
    if args.filter:
        want = set(re.split(r"[,\s]+", args.filter))
        kernels = [k for k in kernels if k[0] in want]
    if not kernels:
        sys.exit("bench: no benchmark kernels (tests/bench/*/files.mk)")
    hv_elf = os.path.join(args.build, "hv/hv.elf")
    if args.smoke:
        args.repeat = 1
        return smoke(args, kernels, hv_elf)
    return full(args, kernels, hv_elf)


if __name__ == "__main__":
    sys.exit(main())
