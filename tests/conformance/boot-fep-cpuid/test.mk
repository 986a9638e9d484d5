# SPDX-License-Identifier: MIT
conformance-tests += boot-fep-cpuid
boot-fep-cpuid-objs := tests/conformance/boot-fep-cpuid/main.o
boot-fep-cpuid-category := functional
boot-fep-cpuid-purpose := forced-emulation CPUID works without a trap table and shows the Xen leaves (XenVMMXenVMM, version, hypercall page MSR)
