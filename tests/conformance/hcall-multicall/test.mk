# SPDX-License-Identifier: MIT
conformance-tests += hcall-multicall
hcall-multicall-objs := tests/conformance/hcall-multicall/main.o
hcall-multicall-category := functional
hcall-multicall-purpose := multicall runs entries in order with per-entry results (unknown -ENOSYS, nested -EINVAL), bad arrays -EFAULT
