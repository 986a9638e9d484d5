# SPDX-License-Identifier: MIT
conformance-tests += hostile-dom-privileged
hostile-dom-privileged-objs := tests/conformance/hostile-dom-privileged/main.o $(dom-lib-objs)
hostile-dom-privileged-category := xsa
hostile-dom-privileged-purpose := an unprivileged domU gets -EACCES/-EPERM from every privileged hypercall and cannot map, write, pin or free dom0's frames
hostile-dom-privileged-module := build/tests/domu/domu.elf
