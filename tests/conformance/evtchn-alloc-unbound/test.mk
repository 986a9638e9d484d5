# SPDX-License-Identifier: MIT
conformance-tests += evtchn-alloc-unbound
evtchn-alloc-unbound-objs := tests/conformance/evtchn-alloc-unbound/main.o
evtchn-alloc-unbound-category := functional
evtchn-alloc-unbound-purpose := alloc_unbound hands out the lowest free port from 1, records the remote domain unchecked, and refuses unknown domains with -ESRCH
