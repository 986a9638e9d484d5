# SPDX-License-Identifier: MIT
conformance-tests += dom-sched-weights
dom-sched-weights-objs := tests/conformance/dom-sched-weights/main.o $(dom-lib-objs)
dom-sched-weights-category := functional
dom-sched-weights-purpose := two CPU-bound domUs share the CPU equally at equal weights (within 10 %) and about 2:1 at weights 512:256 (getdomaininfo cpu_time)
dom-sched-weights-module := build/tests/domu/domu.elf
