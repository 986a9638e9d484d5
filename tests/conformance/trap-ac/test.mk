# SPDX-License-Identifier: MIT
conformance-tests += trap-ac
trap-ac-objs := tests/conformance/trap-ac/main.o
trap-ac-category := functional
trap-ac-purpose := #AC from a misaligned access with RFLAGS.AC set in guest kernel mode (ring 3), vector 17, error code 0
