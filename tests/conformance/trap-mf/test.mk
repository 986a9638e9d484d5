# SPDX-License-Identifier: MIT
conformance-tests += trap-mf
trap-mf-objs := tests/conformance/trap-mf/main.o
trap-mf-category := functional
trap-mf-purpose := #MF from an unmasked x87 divide-by-zero is bounced to vector 16 at the next waiting FPU insn
