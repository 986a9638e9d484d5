# SPDX-License-Identifier: MIT
conformance-tests += boot-layout
boot-layout-objs := tests/conformance/boot-layout/main.o
boot-layout-category := functional
boot-layout-purpose := order and permissions of the initial mappings (kernel, P2M, start_info, RO page tables, stack)
