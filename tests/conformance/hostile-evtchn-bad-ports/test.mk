# SPDX-License-Identifier: MIT
conformance-tests += hostile-evtchn-bad-ports
hostile-evtchn-bad-ports-objs := tests/conformance/hostile-evtchn-bad-ports/main.o
hostile-evtchn-bad-ports-category := xsa
hostile-evtchn-bad-ports-purpose := every port operation on out-of-range, reserved, closed and foreign ports is refused with Xen's errno; the guest keeps running
