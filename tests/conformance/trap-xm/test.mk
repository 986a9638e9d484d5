# SPDX-License-Identifier: MIT
conformance-tests += trap-xm
trap-xm-objs := tests/conformance/trap-xm/main.o
trap-xm-category := functional
trap-xm-purpose := #XM from an unmasked SSE divide-by-zero is bounced to vector 19 at the instruction
