# SPDX-License-Identifier: MIT
conformance-tests += sched-runstate-area
sched-runstate-area-objs := tests/conformance/sched-runstate-area/main.o
sched-runstate-area-category := functional
sched-runstate-area-purpose := a registered runstate area mirrors the vCPU's state and times
