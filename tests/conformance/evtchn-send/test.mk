# SPDX-License-Identifier: MIT
conformance-tests += evtchn-send
evtchn-send-objs := tests/conformance/evtchn-send/main.o
evtchn-send-category := functional
evtchn-send-purpose := send raises the peer (interdomain) or our own port (ipi), drops events on unbound ports, and is -EINVAL on virq, closed and invalid ports
