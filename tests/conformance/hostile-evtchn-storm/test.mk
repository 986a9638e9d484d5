# SPDX-License-Identifier: MIT
conformance-tests += hostile-evtchn-storm
hostile-evtchn-storm-objs := tests/conformance/hostile-evtchn-storm/main.o
hostile-evtchn-storm-category := xsa
hostile-evtchn-storm-purpose := a storm of sends with events enabled, then masked, then stalled with events pending: the hypervisor stays responsive and delivers nothing while masked
