# SPDX-License-Identifier: MIT
conformance-tests += trap-frame
trap-frame-objs := tests/conformance/trap-frame/main.o
trap-frame-category := functional
trap-frame-purpose := bounce frame layout for kernel-mode #UD and #GP (slots, CS RPL 0 + mask, IF, SS, RCX/R11, alignment)
