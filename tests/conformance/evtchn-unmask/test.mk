# SPDX-License-Identifier: MIT
conformance-tests += evtchn-unmask
evtchn-unmask-objs := tests/conformance/evtchn-unmask/main.o
evtchn-unmask-category := functional
evtchn-unmask-purpose := EVTCHNOP_unmask clears the mask and delivers an event that waited behind it once; any valid port, -EINVAL beyond
