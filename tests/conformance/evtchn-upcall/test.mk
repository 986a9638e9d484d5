# SPDX-License-Identifier: MIT
conformance-tests += evtchn-upcall
evtchn-upcall-objs := tests/conformance/evtchn-upcall/main.o
evtchn-upcall-category := functional
evtchn-upcall-purpose := an event on an unmasked port with upcalls enabled is delivered once, with the mask set, to the event callback
