# SPDX-License-Identifier: MIT
conformance-tests += dom-shutdown-reasons
dom-shutdown-reasons-objs := tests/conformance/dom-shutdown-reasons/main.o $(dom-lib-objs)
dom-shutdown-reasons-category := functional
dom-shutdown-reasons-purpose := SCHEDOP_shutdown with poweroff, reboot and crash shows in getdomaininfo (XEN_DOMINF_shutdown, reason) and raises VIRQ_DOM_EXC
dom-shutdown-reasons-module := build/tests/domu/domu.elf
