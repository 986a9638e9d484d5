# SPDX-License-Identifier: MIT
conformance-tests += trap-bp
trap-bp-objs := tests/conformance/trap-bp/main.o
trap-bp-category := functional
trap-bp-purpose := #BP from int3 and int $3 is bounced to vector 3 with RIP after the instruction
