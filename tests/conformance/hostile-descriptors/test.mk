# SPDX-License-Identifier: MIT
conformance-tests += hostile-descriptors
hostile-descriptors-objs := tests/conformance/hostile-descriptors/main.o
hostile-descriptors-category := xsa
hostile-descriptors-purpose := update_descriptor and set_gdt never install a gate to the hypervisor's code, a 64-bit LDT/TSS or interrupt gate, or a code segment above ring 3, nor take frames that are not ours or are page tables; a refused set_gdt keeps no reference
