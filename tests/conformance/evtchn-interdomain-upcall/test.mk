# SPDX-License-Identifier: MIT
conformance-tests += evtchn-interdomain-upcall
evtchn-interdomain-upcall-objs := tests/conformance/evtchn-interdomain-upcall/main.o
evtchn-interdomain-upcall-category := functional
evtchn-interdomain-upcall-purpose := on a self-connected pair, each send is delivered as an upcall on the other end exactly once; after a close, sends are dropped
