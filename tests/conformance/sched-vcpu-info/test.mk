# SPDX-License-Identifier: MIT
conformance-tests += sched-vcpu-info
sched-vcpu-info-objs := tests/conformance/sched-vcpu-info/main.o
sched-vcpu-info-category := functional
sched-vcpu-info-purpose := VCPUOP_register_vcpu_info moves vcpu_info into a guest page, keeps its state, checks its arguments and happens once
