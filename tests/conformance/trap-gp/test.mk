# SPDX-License-Identifier: MIT
conformance-tests += trap-gp
trap-gp-objs := tests/conformance/trap-gp/main.o
trap-gp-category := functional
trap-gp-purpose := #GP(0) from a non-canonical access and privileged insns, #GP(IDT) from int via a DPL-0 gate
