# SPDX-License-Identifier: MIT
conformance-tests += trap-soft-int
trap-soft-int-objs := tests/conformance/trap-soft-int/main.o
trap-soft-int-category := functional
trap-soft-int-purpose := int $n reaches trap_info vector n only if its DPL allows ring 3 kernel use; else #GP(n<<3|2)
