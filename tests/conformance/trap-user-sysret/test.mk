# SPDX-License-Identifier: MIT
conformance-tests += trap-user-sysret
trap-user-sysret-objs := tests/conformance/trap-user-sysret/main.o
trap-user-sysret-category := functional
trap-user-sysret-purpose := iret to user mode: VGCF_in_syscall leaves rcx = rip and r11 = rflags (SYSRET), flags 0 restores them; !IF masks user mode
