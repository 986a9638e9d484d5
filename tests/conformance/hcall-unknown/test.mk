# SPDX-License-Identifier: MIT
conformance-tests += hcall-unknown
hcall-unknown-objs := tests/conformance/hcall-unknown/main.o
hcall-unknown-category := functional
hcall-unknown-purpose := hypercall numbers without a handler (11, 43-47, 56-127, >127 via raw syscall) return -ENOSYS
