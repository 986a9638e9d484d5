# SPDX-License-Identifier: MIT
conformance-tests += trap-pf
trap-pf-objs := tests/conformance/trap-pf/main.o
trap-pf-category := functional
trap-pf-purpose := #PF for not-present read/write/fetch and RO write, with error code and cr2 in vcpu_info
