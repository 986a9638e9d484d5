# SPDX-License-Identifier: MIT
conformance-tests += dom-remote-shutdown
dom-remote-shutdown-objs := tests/conformance/dom-remote-shutdown/main.o $(dom-lib-objs)
dom-remote-shutdown-category := functional
dom-remote-shutdown-purpose := SCHEDOP_remote_shutdown from dom0 stops a running domU with the given reason
dom-remote-shutdown-module := build/tests/domu/domu.elf
