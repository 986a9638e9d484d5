#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""Tests of the conformance runner and report (`make runner-selftest`).

- --list and --list --json name every test directory with its purpose;
- a real run of a few tests with --junit writes XML that a real parser
  reads, that the schema in junit.xsd accepts (xmllint) and whose counts
  equal the closing line; --tap prints a TAP 13 stream whose plan matches
  its test points; plain output keeps its line format;
- JUnit and TAP from made-up results cover FAILURE, ERROR, TIMEOUT and
  logs full of control characters;
- the report refuses a difference between hv and Xen without a reason.
Needs build/hv/hv.elf and the conformance ELFs (the make target builds
them). Runs in a few seconds.
"""

import glob
import importlib.machinery
import importlib.util
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import unittest
import xml.etree.ElementTree as ET

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.realpath(os.path.join(HERE, "..", ".."))
RUN = os.path.join(HERE, "run")
XSD = os.path.join(HERE, "junit.xsd")
# A few quick tests; trap-xm SKIPs under QEMU TCG, so a skip is covered.
SAMPLE = ["boot-regs", "trap-de", "trap-xm"]
CLOSING_RE = re.compile(r"^(\d+) passed, (\d+) failed, (\d+) skipped$")
PLAIN_RE = re.compile(r"^(PASS|FAIL|SKIP|ERROR|TIMEOUT) ([\w.-]+)(: .*)?$")


def load(name, path):
    loader = importlib.machinery.SourceFileLoader(name, path)
    spec = importlib.util.spec_from_loader(name, loader)
    mod = importlib.util.module_from_spec(spec)
    loader.exec_module(mod)
    return mod


runner = load("conformance_run", RUN)
report = load("conformance_report", os.path.join(HERE, "report"))


def run(*args):
    p = subprocess.run([RUN] + list(args), capture_output=True, text=True,
                       cwd=ROOT, timeout=600)
    return p.returncode, p.stdout, p.stderr


def test_dirs():
    """{name: purpose} read from every test.mk, independently of run."""
    found = {}
    for mk in glob.glob(os.path.join(HERE, "*", "test.mk")):
        d = os.path.basename(os.path.dirname(mk))
        if d == "TEMPLATE":
            continue
        with open(mk) as f:
            text = f.read()
        m = re.search(r"^conformance-tests\s*\+=\s*(\S+)", text, re.M)
        p = re.search(r"^%s-purpose\s*:?=(.*)$" % re.escape(d), text, re.M)
        found[d] = (m.group(1) if m else None,
                    p.group(1).strip() if p else "")
    return found


def xmllint():
    return shutil.which("xmllint")


def check_schema(tc, path):
    if not xmllint():
        print("test-runner: xmllint missing (libxml2-utils): schema check "
              "skipped", file=sys.stderr)
        return
    p = subprocess.run([xmllint(), "--noout", "--schema", XSD, path],
                       capture_output=True, text=True)
    tc.assertEqual(p.returncode, 0, p.stderr)


def check_junit(tc, path, closing, names):
    """Parse path; its counts must add up and equal the closing line."""
    root = ET.parse(path).getroot()
    tc.assertEqual(root.tag, "testsuites")
    n_pass, n_fail, n_skip = (int(x) for x in closing)
    cases = []
    sums = dict.fromkeys(("tests", "failures", "errors", "skipped"), 0)
    for suite in root.findall("testsuite"):
        mine = suite.findall("testcase")
        counted = {"tests": len(mine), "failures": 0, "errors": 0,
                   "skipped": 0}
        for case in mine:
            outcomes = [c.tag for c in case
                        if c.tag in ("failure", "error", "skipped")]
            tc.assertLessEqual(len(outcomes), 1, case.get("name"))
            for o in outcomes:
                counted[{"failure": "failures", "error": "errors",
                         "skipped": "skipped"}[o]] += 1
            tc.assertEqual(case.get("classname").split(".")[-1],
                           suite.get("name"))
            tc.assertGreaterEqual(float(case.get("time")), 0)
            tc.assertIsNotNone(case.find("system-out"))
            cases.append(case.get("name"))
        for k, v in counted.items():
            tc.assertEqual(int(suite.get(k)), v, "%s of %s" %
                           (k, suite.get("name")))
            sums[k] += v
    for k, v in sums.items():
        tc.assertEqual(int(root.get(k)), v, k + " of testsuites")
    tc.assertEqual(sorted(cases), sorted(names))
    tc.assertEqual(sums["failures"] + sums["errors"], n_fail)
    tc.assertEqual(sums["skipped"], n_skip)
    tc.assertEqual(sums["tests"] - n_fail - n_skip, n_pass)
    check_schema(tc, path)
    return root


def parse_tap(tc, text):
    """Strict TAP 13: version, plan, numbered points, YAML, comments.

    Returns (passed, failed, skipped, names, last line).
    """
    lines = text.rstrip("\n").split("\n")
    tc.assertEqual(lines[0], "TAP version 13")
    m = re.match(r"^1\.\.(\d+)$", lines[1])
    tc.assertTrue(m, "plan line: %r" % lines[1])
    plan = int(m.group(1))
    passed = failed = skipped = 0
    names = []
    in_yaml = False
    for line in lines[2:]:
        if in_yaml:
            in_yaml = line != "  ..."
            continue
        if line == "  ---":
            in_yaml = True
            continue
        if line.startswith("#"):
            continue
        m = re.match(r"^(not ok|ok) (\d+) - ([\w.-]+)( # SKIP .*)?$", line)
        tc.assertTrue(m, "not a TAP line: %r" % line)
        tc.assertEqual(int(m.group(2)), len(names) + 1, "test number")
        names.append(m.group(3))
        if m.group(1) == "not ok":
            failed += 1
        elif m.group(4):
            skipped += 1
        else:
            passed += 1
    tc.assertFalse(in_yaml, "unterminated YAML block")
    tc.assertEqual(plan, len(names), "plan vs test points")
    return passed, failed, skipped, names, lines[-1]


class ListTest(unittest.TestCase):
    def test_list_names_every_test_with_its_purpose(self):
        dirs = test_dirs()
        self.assertGreater(len(dirs), 0)
        rc, out, err = run("--list")
        self.assertEqual(rc, 0, err)
        listed = {}
        for line in out.splitlines():
            parts = line.split(None, 2)
            listed[parts[0]] = parts[2] if len(parts) > 2 else ""
        for d, (name, purpose) in sorted(dirs.items()):
            self.assertEqual(name, d, "tests/conformance/%s/test.mk must "
                             "declare `conformance-tests += %s`" % (d, d))
            self.assertTrue(purpose, "tests/conformance/%s/test.mk has no "
                            "%s-purpose" % (d, d))
            self.assertIn(d, listed, "--list misses " + d)
            self.assertEqual(listed[d], purpose)
        self.assertNotIn("TEMPLATE", listed)
        self.assertNotIn("NAME", listed)
        self.assertEqual(sorted(listed), sorted(dirs))

    def test_list_json(self):
        rc, out, err = run("--list", "--json")
        self.assertEqual(rc, 0, err)
        tests = json.loads(out)
        self.assertEqual(sorted(t["name"] for t in tests), sorted(test_dirs()))
        for t in tests:
            self.assertIn(t.get("category"), runner.CATEGORIES, t["name"])
            self.assertTrue(t.get("purpose"), t["name"])
            self.assertEqual(t["dir"], "tests/conformance/" + t["name"])

    def test_filter_takes_several_globs(self):
        rc, out, _ = run("--list", "--filter", "trap-d*, boot-regs")
        names = [l.split()[0] for l in out.splitlines()]
        self.assertEqual(rc, 0)
        self.assertIn("boot-regs", names)
        self.assertTrue(all(n == "boot-regs" or n.startswith("trap-d")
                            for n in names))

    def test_json_needs_list(self):
        rc, _, _ = run("--json")
        self.assertEqual(rc, 2)

    def test_no_match_bails_out_in_tap(self):
        rc, out, _ = run("--tap", "--filter", "no-such-test-*")
        self.assertEqual(rc, 2)
        self.assertTrue(out.startswith("Bail out! "))


class RealRunTest(unittest.TestCase):
    """One plain and one TAP run of SAMPLE under QEMU, both with --junit."""

    @classmethod
    def setUpClass(cls):
        missing = [n for n in SAMPLE if n not in test_dirs()]
        if missing:
            raise AssertionError("sample tests gone: %s; update SAMPLE in "
                                 "%s" % (missing, __file__))
        cls.tmp = tempfile.mkdtemp(prefix="hv-runner-selftest.")
        sel = ",".join(SAMPLE)
        cls.plain = run("--filter", sel, "--junit",
                        os.path.join(cls.tmp, "plain.xml"),
                        "--logdir", os.path.join(cls.tmp, "plain"))
        cls.tap = run("--filter", sel, "--tap", "--junit",
                      os.path.join(cls.tmp, "tap.xml"),
                      "--logdir", os.path.join(cls.tmp, "tap"))

    @classmethod
    def tearDownClass(cls):
        shutil.rmtree(cls.tmp, ignore_errors=True)

    def test_plain_output(self):
        rc, out, err = self.plain
        lines = out.rstrip("\n").split("\n")
        m = CLOSING_RE.match(lines[-1])
        self.assertTrue(m, "last line: %r\n%s" % (lines[-1], err))
        self.assertEqual(rc, 1 if int(m.group(2)) else 0)
        results = [l for l in lines if PLAIN_RE.match(l)]
        self.assertEqual(sorted(PLAIN_RE.match(l).group(2) for l in results),
                         sorted(SAMPLE))
        self.assertEqual(sum(int(x) for x in m.groups()), len(SAMPLE))
        table = lines[len(results):-1]
        self.assertTrue(table[0].startswith("summary by category"))
        self.assertTrue(table[-1].split()[0] == "all", table)
        check_junit(self, os.path.join(self.tmp, "plain.xml"), m.groups(),
                    SAMPLE)

    def test_tap_output(self):
        rc, out, err = self.tap
        passed, failed, skipped, names, last = parse_tap(self, out)
        self.assertEqual(sorted(names), sorted(SAMPLE))
        m = re.match(r"^# (\d+ passed, \d+ failed, \d+ skipped)$", last)
        self.assertTrue(m, "last line: %r\n%s" % (last, err))
        self.assertEqual(m.group(1), "%d passed, %d failed, %d skipped"
                         % (passed, failed, skipped))
        check_junit(self, os.path.join(self.tmp, "tap.xml"),
                    (passed, failed, skipped), SAMPLE)
        prove = shutil.which("prove")
        if prove and not failed:
            # A real TAP consumer (Perl's Test::Harness) agrees.
            path = os.path.join(self.tmp, "out.tap")
            with open(path, "w") as f:
                f.write(out)
            p = subprocess.run([prove, "--exec", "cat", path],
                               capture_output=True, text=True)
            self.assertEqual(p.returncode, 0, p.stdout + p.stderr)

    def test_logs_in_logdir(self):
        for n in SAMPLE:
            path = os.path.join(self.tmp, "plain", n + ".log")
            self.assertTrue(os.path.exists(path), path)


def fake_results(tmp):
    """Every kind of outcome, with a log full of awkward bytes."""
    logpath = os.path.join(tmp, "nasty.log")
    with open(logpath, "wb") as f:
        f.write(b"\x1bc\x1b[?7l\x1b[2Jboot <&> ]]> \x00\x07\xff\xfe\r\n"
                + b"".join(b"line %d\n" % i for i in range(300))
                + b"\x1b[0m<&> ]]> \x00\x07\xff\r\n"
                + b"Test result: FAILURE: x < y & \"z\"\n")
    kinds = [("a-pass", "SUCCESS", ""), ("b-fail", "FAILURE", "x < y & \"z\""),
             ("c-error", "ERROR", "dom0 died: \x01 panic"),
             ("d-timeout", "TIMEOUT", "no result after 60s"),
             ("e-skip", "SKIP", "QEMU TCG # no #XM")]
    cats = ["functional", "xsa", "functional", "smoke", "weird"]
    return [{"name": n, "category": c, "kind": k, "why": w, "time": 1.5,
             "log": logpath} for (n, k, w), c in zip(kinds, cats)]


class FakeResultsTest(unittest.TestCase):
    def setUp(self):
        self.tmp = tempfile.mkdtemp(prefix="hv-runner-selftest.")
        self.results = fake_results(self.tmp)

    def tearDown(self):
        shutil.rmtree(self.tmp, ignore_errors=True)

    def test_junit_of_every_outcome(self):
        path = os.path.join(self.tmp, "j.xml")
        meta = {"hv": "hv", "hv_elf": "/x/hv.elf", "append": "a=b",
                "qemu": "QEMU 7.2", "wall": 3.0, "hostname": "h",
                "timestamp": "2026-01-01T00:00:00"}
        runner.write_junit(path, self.results, meta)
        closing = CLOSING_RE.match(runner.closing_line(self.results)).groups()
        self.assertEqual(closing, ("1", "3", "1"))
        root = check_junit(self, path, closing,
                           [r["name"] for r in self.results])
        case = root.find(".//testcase[@name='b-fail']")
        self.assertEqual(case.find("failure").get("message"), "x < y & \"z\"")
        self.assertIn("]]>", case.find("system-out").text)
        self.assertIn("line 299", case.find("system-out").text)
        case = root.find(".//testcase[@name='d-timeout']")
        self.assertEqual(case.find("error").get("type"), "TIMEOUT")
        names = [s.get("name") for s in root.findall("testsuite")]
        self.assertEqual(names, ["functional", "xsa", "smoke", "weird"])

    def test_tap_of_every_outcome(self):
        lines = ["TAP version 13", "1..%d" % len(self.results)]
        for i, r in enumerate(self.results, 1):
            lines += runner.tap_lines(r, i, True)
        lines += ["# " + runner.closing_line(self.results)]
        self.assertEqual(parse_tap(self, "\n".join(lines))[:3], (1, 3, 1))

    def test_summary_table(self):
        table = runner.summary_table(self.results, self.tmp)
        rows = {l.split()[0]: l.split()[1:5] for l in table[1:]}
        self.assertEqual(rows["functional"], ["1", "1", "0", "2"])
        self.assertEqual(rows["all"], ["1", "3", "1", "5"])


class ReportTest(unittest.TestCase):
    tests = [{"name": n, "category": "functional", "purpose": "p | q"}
             for n in ("t-same", "t-diff", "t-skip")]
    meta = {"command": "c", "date": "d", "qemu": "q", "xen": "x", "hv": "h",
            "rev": "r", "jobs": 2, "cpus": 2, "hv_time": "1 s",
            "xen_time": "2 s",
            "again": {"hv": {"t-same": ("FAILURE", "late")}, "Xen": {}}}
    hv = {"t-same": ("SUCCESS", ""), "t-diff": ("SUCCESS", ""),
          "t-skip": ("SKIP", "no #XM")}
    xen = {"t-same": ("SUCCESS", ""), "t-diff": ("SKIP", "emulator"),
           "t-skip": ("SKIP", "no #XM")}

    def test_difference_needs_a_reason(self):
        with self.assertRaises(report.ReportError):
            report.render(self.tests, self.hv, self.xen, {}, self.meta)

    def test_render(self):
        md = report.render(self.tests, self.hv, self.xen,
                           {"t-diff": "because"}, self.meta)
        self.assertIn("| t-diff | functional | p \\| q | PASS | SKIP | "
                      "differs: because |", md)
        self.assertEqual(md.count("| t-skip | "), 3)  # table + 2 skips
        self.assertIn("FAIL (late) on hv's first run, then PASS alone", md)
        self.assertIn("- **t-same** on hv: first FAIL (late)", md)
        self.assertTrue(md.rstrip().endswith(report.END))
        self.assertIn("n\\*8", report.cell("n*8 `n*8`"))
        self.assertIn("`n*8`", report.cell("n*8 `n*8`"))

    def test_differences_file_parses(self):
        reasons = report.parse_differences(report.DIFFERENCES)
        for name, why in reasons.items():
            self.assertTrue(why, name)


if __name__ == "__main__":
    unittest.main(verbosity=1)
