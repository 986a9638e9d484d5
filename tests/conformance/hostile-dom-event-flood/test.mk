# SPDX-License-Identifier: MIT
conformance-tests += hostile-dom-event-flood
hostile-dom-event-flood-objs := tests/conformance/hostile-dom-event-flood/main.o $(dom-lib-objs)
hostile-dom-event-flood-category := xsa
hostile-dom-event-flood-purpose := a domU sending 100000 events to dom0 cannot stall it; dom0 and hv stay responsive
hostile-dom-event-flood-module := build/tests/domu/domu.elf
