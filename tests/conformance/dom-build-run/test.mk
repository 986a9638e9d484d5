# SPDX-License-Identifier: MIT
conformance-tests += dom-build-run
dom-build-run-objs := tests/conformance/dom-build-run/main.o $(dom-lib-objs)
dom-build-run-category := functional
dom-build-run-purpose := dom0 builds a domU (reference §2.2-2.3) that boots, checks its image, shuts down (VIRQ_DOM_EXC, getdomaininfo) and gives every frame back
dom-build-run-module := build/tests/domu/domu.elf
