# SPDX-License-Identifier: MIT
conformance-tests += trap-nm
trap-nm-objs := tests/conformance/trap-nm/main.o
trap-nm-category := functional
trap-nm-purpose := fpu_taskswitch(1) makes the next FPU insn raise #NM, TS is cleared before the bounce; (0) prevents it
