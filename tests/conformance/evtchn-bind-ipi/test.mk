# SPDX-License-Identifier: MIT
conformance-tests += evtchn-bind-ipi
evtchn-bind-ipi-objs := tests/conformance/evtchn-bind-ipi/main.o
evtchn-bind-ipi-category := functional
evtchn-bind-ipi-purpose := bind_ipi binds a port to a vCPU (-ENOENT for a missing one); send on it raises our own port
