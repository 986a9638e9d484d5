# SPDX-License-Identifier: MIT
hv-y += hv/event/evtchn-2l.o
hv-y += hv/event/evtchn-table.o
hv-y += hv/event/event.o
hv-y += hv/event/evtchn-op.o
