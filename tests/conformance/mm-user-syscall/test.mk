# SPDX-License-Identifier: MIT
conformance-tests += mm-user-syscall
mm-user-syscall-objs := tests/conformance/mm-user-syscall/main.o
mm-user-syscall-category := functional
mm-user-syscall-purpose := user-mode syscall: to the syscall callback on the stack_switch stack, frame RCX/R11/RIP/CS/RFLAGS/RSP/SS, GPRs kept, mask per flags
