# SPDX-License-Identifier: MIT
conformance-tests += hcall-memory-op
hcall-memory-op-objs := tests/conformance/hcall-memory-op/main.o
hcall-memory-op-category := functional
hcall-memory-op-purpose := memory_op maximum_ram_page, current/maximum_reservation, memory_map and their errors
