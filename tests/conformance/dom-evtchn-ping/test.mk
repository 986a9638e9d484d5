# SPDX-License-Identifier: MIT
conformance-tests += dom-evtchn-ping
dom-evtchn-ping-objs := tests/conformance/dom-evtchn-ping/main.o $(dom-lib-objs)
dom-evtchn-ping-category := functional
dom-evtchn-ping-purpose := dom0 and a domU exchange 100 events over an interdomain channel (the domU's console port)
dom-evtchn-ping-module := build/tests/domu/domu.elf
