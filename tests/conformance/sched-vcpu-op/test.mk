# SPDX-License-Identifier: MIT
conformance-tests += sched-vcpu-op
sched-vcpu-op-objs := tests/conformance/sched-vcpu-op/main.o
sched-vcpu-op-category := functional
sched-vcpu-op-purpose := vcpu_op is_up, runstate, periodic and single-shot timers with their error paths
