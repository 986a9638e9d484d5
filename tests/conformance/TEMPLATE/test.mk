# SPDX-License-Identifier: MIT
# Template of a conformance test (not built: files.mk skips TEMPLATE/).
# Copy the directory to tests/conformance/<area>-<what>/ and replace NAME
# with that directory name everywhere, e.g.
#   cp -r tests/conformance/TEMPLATE tests/conformance/evtchn-bind-virq
#   sed -i 's/NAME/evtchn-bind-virq/g' tests/conformance/evtchn-bind-virq/*
# The runner reads these lines directly: keep one assignment per line.
conformance-tests += NAME
NAME-objs := tests/conformance/NAME/main.o
# functional: pins documented behaviour; xsa: a hostile guest must not
# break isolation; smoke: boots and says hello.
NAME-category := functional
# One line, shown by `run --list` and in docs/conformance.md: the ABI
# behaviour this test pins (hostile tests: the invariant it protects).
NAME-purpose := HYPERCALL_foo with bar returns -EINVAL and changes nothing
# Optional: words appended to dom0's command line (start_info.cmd_line).
# NAME-args := console=hvc0 hv.test=1
# Optional: a second boot module, relative to the repository root.
# NAME-module := tests/conformance/NAME/module.bin
# Optional: seconds before the runner gives up (default 60).
# NAME-timeout := 120
