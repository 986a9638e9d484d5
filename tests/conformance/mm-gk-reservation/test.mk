# SPDX-License-Identifier: MIT
conformance-tests += mm-gk-reservation
mm-gk-reservation-objs := tests/conformance/mm-gk-reservation/main.o
mm-gk-reservation-category := functional
mm-gk-reservation-purpose := decrease_reservation of 100 free frames lowers current_reservation by 100; populate_physmap refills the same PFNs with usable frames whose M2P entries point back
