# SPDX-License-Identifier: MIT
conformance-tests += trap-of
trap-of-objs := tests/conformance/trap-of/main.o
trap-of-category := functional
trap-of-purpose := #OF: into is #UD in 64-bit mode, int $4 reaches vector 4 with RIP after it
