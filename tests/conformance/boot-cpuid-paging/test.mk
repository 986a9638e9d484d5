# SPDX-License-Identifier: MIT
conformance-tests += boot-cpuid-paging
boot-cpuid-paging-objs := tests/conformance/boot-cpuid-paging/main.o
boot-cpuid-paging-category := functional
boot-cpuid-paging-purpose := the PV CPUID view hides VME, PSE, PGE, PSE36 and 1 GiB pages, as Xen 4.17 does
