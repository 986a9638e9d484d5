# SPDX-License-Identifier: MIT
conformance-tests += evtchn-bind-interdomain
evtchn-bind-interdomain-objs := tests/conformance/evtchn-bind-interdomain/main.o
evtchn-bind-interdomain-category := functional
evtchn-bind-interdomain-purpose := bind_interdomain connects a new port to an unbound one offered to us (a domain may bind to itself); the new port starts pending
