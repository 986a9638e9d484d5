# SPDX-License-Identifier: MIT
conformance-tests += hostile-callbacks
hostile-callbacks-objs := tests/conformance/hostile-callbacks/main.o
hostile-callbacks-category := xsa
hostile-callbacks-purpose := trap table and callback entry points at the canonical boundary, in the hypervisor's range and non-canonical: canonical ones are stored, others refused or (set_callbacks) ignored, so no upcall ever goes to a non-canonical address
