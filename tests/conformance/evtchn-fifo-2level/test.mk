# SPDX-License-Identifier: MIT
conformance-tests += evtchn-fifo-2level
evtchn-fifo-2level-objs := tests/conformance/evtchn-fifo-2level/main.o
evtchn-fifo-2level-category := functional
evtchn-fifo-2level-purpose := a 2-level domain gets Xen's answers to the FIFO commands and to bind_pirq without access; unknown commands are -ENOSYS before the argument is read
