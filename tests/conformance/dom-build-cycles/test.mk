# SPDX-License-Identifier: MIT
conformance-tests += dom-build-cycles
dom-build-cycles-objs := tests/conformance/dom-build-cycles/main.o $(dom-lib-objs)
dom-build-cycles-category := functional
dom-build-cycles-purpose := 100 create/build/destroy cycles of a domU (10 of them booted) leave free_pages as before; prints the cycle's cost
dom-build-cycles-module := build/tests/domu/domu.elf
dom-build-cycles-timeout := 300
