# SPDX-License-Identifier: MIT
conformance-tests += trap-return
trap-return-objs := tests/conformance/trap-return/main.o
trap-return-category := functional
trap-return-purpose := returning from a bounce via the iret hypercall or a direct iretq restores every register, the flags and the upcall mask
