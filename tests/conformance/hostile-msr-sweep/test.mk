# SPDX-License-Identifier: MIT
conformance-tests += hostile-msr-sweep
hostile-msr-sweep-objs := tests/conformance/hostile-msr-sweep/main.o
hostile-msr-sweep-category := xsa
hostile-msr-sweep-purpose := rdmsr over 0-0x1fff, 0x40000000-0x400001ff and 0xc0000000-0xc0011fff gives #GP or a value, and writing back a value just read gives #GP or nothing: never a hypervisor fault
hostile-msr-sweep-timeout := 180
