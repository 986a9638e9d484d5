# SPDX-License-Identifier: MIT
conformance-tests += trap-gk-toy-user
trap-gk-toy-user-objs := tests/conformance/trap-gk-toy-user/main.o guest-kit/examples/toy/toy.o guest-kit/examples/toy/user.o
trap-gk-toy-user-category := functional
trap-gk-toy-user-purpose := the ported toy kernel: a user L4 via NEW_USER_BASEPTR, iret into ring 3, int $0x80 with DPL 3 and int3 bounced from user mode, a user #PF with the U bit and cr2 in vcpu_info
