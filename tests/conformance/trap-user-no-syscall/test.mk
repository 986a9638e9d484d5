# SPDX-License-Identifier: MIT
conformance-tests += trap-user-no-syscall
trap-user-no-syscall-objs := tests/conformance/trap-user-no-syscall/main.o
trap-user-no-syscall-category := functional
trap-user-no-syscall-purpose := a user-mode syscall with no syscall callback registered is #UD at the syscall instruction
