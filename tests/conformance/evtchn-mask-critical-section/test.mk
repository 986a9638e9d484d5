# SPDX-License-Identifier: MIT
conformance-tests += evtchn-mask-critical-section
evtchn-mask-critical-section-objs := tests/conformance/evtchn-mask-critical-section/main.o
evtchn-mask-critical-section-category := functional
evtchn-mask-critical-section-purpose := an event raised while upcalls are masked arrives exactly once after unmask; a masked port delivers once after EVTCHNOP_unmask
