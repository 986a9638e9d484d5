# SPDX-License-Identifier: MIT
conformance-tests += trap-cr4-write
trap-cr4-write-objs := tests/conformance/trap-cr4-write/main.o
trap-cr4-write-category := functional
trap-cr4-write-purpose := a PV kernel's mov to cr4 is emulated: its own value and one with MCE added are accepted without a fault and change nothing it can read back
