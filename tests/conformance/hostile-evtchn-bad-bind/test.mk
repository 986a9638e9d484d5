# SPDX-License-Identifier: MIT
conformance-tests += hostile-evtchn-bad-bind
hostile-evtchn-bad-bind-objs := tests/conformance/hostile-evtchn-bad-bind/main.o
hostile-evtchn-bad-bind-category := xsa
hostile-evtchn-bad-bind-purpose := bind_virq, bind_ipi and bind_vcpu with every bad vCPU and VIRQ number class are refused in Xen's order and allocate nothing
