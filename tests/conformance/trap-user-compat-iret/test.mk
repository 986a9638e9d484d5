# SPDX-License-Identifier: MIT
conformance-tests += trap-user-compat-iret
trap-user-compat-iret-objs := tests/conformance/trap-user-compat-iret/main.o
trap-user-compat-iret-category := functional
trap-user-compat-iret-purpose := iret to CS 0xE023 runs 32-bit user code, with or without VGCF_in_syscall; its exceptions show CS 0xE023
