# SPDX-License-Identifier: MIT
conformance-tests += evtchn-bind-virq
evtchn-bind-virq-objs := tests/conformance/evtchn-bind-virq/main.o
evtchn-bind-virq-category := functional
evtchn-bind-virq-purpose := bind_virq binds every VIRQ below 24 on vCPU 0 once; global VIRQs only on vCPU 0; -EINVAL/-ENOENT/-EEXIST in Xen's order
