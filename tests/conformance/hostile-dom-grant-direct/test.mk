# SPDX-License-Identifier: MIT
conformance-tests += hostile-dom-grant-direct
hostile-dom-grant-direct-objs := tests/conformance/hostile-dom-grant-direct/main.o $(dom-lib-objs)
hostile-dom-grant-direct-category := xsa
hostile-dom-grant-direct-purpose := a domU cannot map another domain's frame with mmu_update or update_va_mapping, even one granted to it and mapped
hostile-dom-grant-direct-module := build/tests/domu/domu.elf
