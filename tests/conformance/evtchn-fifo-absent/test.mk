# SPDX-License-Identifier: MIT
conformance-tests += evtchn-fifo-absent
evtchn-fifo-absent-objs := tests/conformance/evtchn-fifo-absent/main.o
evtchn-fifo-absent-category := functional
evtchn-fifo-absent-purpose := hv offers no FIFO event ABI: init_control is -ENOSYS and the domain stays on 2-level (SKIP on Xen, which implements FIFO)
