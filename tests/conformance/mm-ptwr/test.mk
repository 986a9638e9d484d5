# SPDX-License-Identifier: MIT
conformance-tests += mm-ptwr
mm-ptwr-objs := tests/conformance/mm-ptwr/main.o
mm-ptwr-category := functional
mm-ptwr-purpose := a dom0 kernel write to its read-only L1 is a checked update with or without VMASST writable_pagetables (mov, cmpxchg, or/and); a refused entry gives the guest its #PF
