# SPDX-License-Identifier: MIT
conformance-tests += hostile-memory-op
hostile-memory-op-objs := tests/conformance/hostile-memory-op/main.o
hostile-memory-op-category := xsa
hostile-memory-op-purpose := increase/decrease_reservation and populate_physmap with extent orders up to 63, extent counts near 2^64 and extent lists at the canonical boundary or in the hypervisor's range do nothing: 0 extents done, reservation unchanged
