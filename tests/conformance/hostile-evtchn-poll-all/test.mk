# SPDX-License-Identifier: MIT
conformance-tests += hostile-evtchn-poll-all
hostile-evtchn-poll-all-objs := tests/conformance/hostile-evtchn-poll-all/main.o
hostile-evtchn-poll-all-category := xsa
hostile-evtchn-poll-all-purpose := SCHEDOP_poll of every port number 0..4100, allocated or not, returns -EINVAL for ports not in use and 0 for bound ones, never crashes
