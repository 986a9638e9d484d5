# SPDX-License-Identifier: MIT
conformance-tests += trap-br
trap-br-objs := tests/conformance/trap-br/main.o
trap-br-category := functional
trap-br-purpose := #BR: bound does not exist in 64-bit mode (0x62 is EVEX) and is bounced as #UD
