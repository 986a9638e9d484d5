# SPDX-License-Identifier: MIT
conformance-tests += evtchn-status
evtchn-status-objs := tests/conformance/evtchn-status/main.o
evtchn-status-category := functional
evtchn-status-purpose := status writes only status, vcpu and the union member of the port's state; ports are valid in blocks of 64; foreign ids are -ESRCH
