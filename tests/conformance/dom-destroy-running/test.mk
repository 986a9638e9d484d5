# SPDX-License-Identifier: MIT
conformance-tests += dom-destroy-running
dom-destroy-running-objs := tests/conformance/dom-destroy-running/main.o $(dom-lib-objs)
dom-destroy-running-category := functional
dom-destroy-running-purpose := destroying a running domU (no shutdown) gives back every frame
dom-destroy-running-module := build/tests/domu/domu.elf
