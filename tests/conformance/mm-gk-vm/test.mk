# SPDX-License-Identifier: MIT
conformance-tests += mm-gk-vm
mm-gk-vm-objs := tests/conformance/mm-gk-vm/main.o
mm-gk-vm-category := functional
mm-gk-vm-purpose := guest-kit's page allocator and VM area: pinned tables, batched mmu_update maps and unmaps, freed L1s, no frame or table left behind
