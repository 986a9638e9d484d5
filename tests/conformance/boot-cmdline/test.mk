# SPDX-License-Identifier: MIT
conformance-tests += boot-cmdline
boot-cmdline-objs := tests/conformance/boot-cmdline/main.o
boot-cmdline-category := functional
boot-cmdline-purpose := start_info.cmd_line holds the words after the kernel path of the first module
boot-cmdline-args := console=hvc0 root=/dev/xvda1 hv.test=a.b quiet
