# SPDX-License-Identifier: MIT
conformance-tests += hcall-trap-table
hcall-trap-table-objs := tests/conformance/hcall-trap-table/main.o
hcall-trap-table-category := functional
hcall-trap-table-purpose := set_trap_table replaces only named vectors, NULL clears, bad addresses -EINVAL, bad arrays -EFAULT
