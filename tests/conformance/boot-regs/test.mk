# SPDX-License-Identifier: MIT
conformance-tests += boot-regs
boot-regs-objs := tests/conformance/boot-regs/main.o
boot-regs-category := functional
boot-regs-purpose := register values at the kernel entry point (rsp, rsi, rflags, selectors, zeroed GPRs)
