# SPDX-License-Identifier: MIT
conformance-tests += trap-user-int
trap-user-int-objs := tests/conformance/trap-user-int/main.o
trap-user-int-category := functional
trap-user-int-purpose := int N from user mode: delivered through a DPL-3 trap entry, #GP(N*8+2) through DPL 0-2; int 0x80 and int3 always delivered
