# SPDX-License-Identifier: MIT
conformance-tests += hcall-stack-switch
hcall-stack-switch-objs := tests/conformance/hcall-stack-switch/main.o
hcall-stack-switch-category := functional
hcall-stack-switch-purpose := stack_switch returns 0 and does not move kernel-mode bounces off the interrupted stack
