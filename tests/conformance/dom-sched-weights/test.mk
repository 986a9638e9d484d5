# SPDX-License-Identifier: MIT
conformance-tests += dom-sched-weights
dom-sched-weights-objs := tests/conformance/dom-sched-weights/main.o $(dom-lib-objs)
dom-sched-weights-category := functional
dom-sched-weights-purpose := two CPU-bound domUs of equal weight get the same CPU time within 10 % over 2 s (getdomaininfo cpu_time)
dom-sched-weights-module := build/tests/domu/domu.elf
