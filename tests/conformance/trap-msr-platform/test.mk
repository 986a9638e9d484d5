# SPDX-License-Identifier: MIT
conformance-tests += trap-msr-platform
trap-msr-platform-objs := tests/conformance/trap-msr-platform/main.o
trap-msr-platform-category := functional
trap-msr-platform-purpose := the platform MSRs a PV dom0 reads (machine check with two quiet banks, APIC base, TSC, HWCR) answer as on Xen 4.17; MTRR MSRs are #GP
