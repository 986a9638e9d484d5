# SPDX-License-Identifier: MIT
conformance-tests += hostile-hypercall-garbage
hostile-hypercall-garbage-objs := tests/conformance/hostile-hypercall-garbage/main.o
hostile-hypercall-garbage-category := xsa
hostile-hypercall-garbage-purpose := every hypercall 0-63 and beyond with garbage arguments: errors only, the domain and hypervisor survive
