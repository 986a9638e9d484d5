# SPDX-License-Identifier: MIT
unit-tests += tests/unit/hv/event/test-evtchn-2l
tests/unit/hv/event/test-evtchn-2l-srcs := hv/event/evtchn-2l.c
unit-tests += tests/unit/hv/event/test-evtchn-table
tests/unit/hv/event/test-evtchn-table-srcs := hv/event/evtchn-table.c \
    hv/event/evtchn-2l.c
