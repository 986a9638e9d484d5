# SPDX-License-Identifier: MIT
conformance-tests += evtchn-reset
evtchn-reset-objs := tests/conformance/evtchn-reset/main.o
evtchn-reset-category := functional
evtchn-reset-purpose := EVTCHNOP_reset closes every port of the caller; foreign or absent domains are refused; reset_cont without a reset is -EBUSY
