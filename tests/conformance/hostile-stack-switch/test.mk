# SPDX-License-Identifier: MIT
conformance-tests += hostile-stack-switch
hostile-stack-switch-objs := tests/conformance/hostile-stack-switch/main.o
hostile-stack-switch-category := xsa
hostile-stack-switch-purpose := stack_switch with bad SS selectors and stack pointers returns 0 and changes nothing else; a bounce from user mode still lands on FLAT_KERNEL_SS with a 16-byte aligned frame
