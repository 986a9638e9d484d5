# SPDX-License-Identifier: MIT
conformance-tests += trap-user-syscall32
trap-user-syscall32-objs := tests/conformance/trap-user-syscall32/main.o
trap-user-syscall32-category := functional
trap-user-syscall32-purpose := syscall from 32-bit user code (CS 0xE023) reaches the syscall32 callback with CS 0xE023 in the frame
