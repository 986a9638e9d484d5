# SPDX-License-Identifier: MIT
conformance-tests += hostile-evtchn-exhaust
hostile-evtchn-exhaust-objs := tests/conformance/hostile-evtchn-exhaust/main.o
hostile-evtchn-exhaust-category := xsa
hostile-evtchn-exhaust-purpose := allocating until failure stops at exactly port 4095 for dom0 with -ENOSPC from every bind; closing everything makes all ports reusable, three times over
