# SPDX-License-Identifier: MIT
conformance-tests += mm-reservation
mm-reservation-objs := tests/conformance/mm-reservation/main.o
mm-reservation-category := functional
mm-reservation-purpose := decrease_reservation, populate_physmap and increase_reservation on dom0's own memory, with their refusals
