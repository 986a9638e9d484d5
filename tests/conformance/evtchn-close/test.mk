# SPDX-License-Identifier: MIT
conformance-tests += evtchn-close
evtchn-close-objs := tests/conformance/evtchn-close/main.o
evtchn-close-category := functional
evtchn-close-purpose := close frees a port (pending cleared, mask kept), returns an interdomain peer to unbound and unbinds a VIRQ; closed ports are -EINVAL
