# SPDX-License-Identifier: MIT
conformance-tests += dom-pause-unpause
dom-pause-unpause-objs := tests/conformance/dom-pause-unpause/main.o $(dom-lib-objs)
dom-pause-unpause-category := functional
dom-pause-unpause-purpose := a running domU makes no progress while paused (XEN_DOMINF_paused) and resumes after unpausedomain
dom-pause-unpause-module := build/tests/domu/domu.elf
