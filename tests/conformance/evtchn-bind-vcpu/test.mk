# SPDX-License-Identifier: MIT
conformance-tests += evtchn-bind-vcpu
evtchn-bind-vcpu-objs := tests/conformance/evtchn-bind-vcpu/main.o
evtchn-bind-vcpu-category := functional
evtchn-bind-vcpu-purpose := bind_vcpu moves unbound, interdomain and global-VIRQ ports; ipi and per-vCPU VIRQ ports are -EINVAL; a missing vCPU is -ENOENT first
