# SPDX-License-Identifier: MIT
gk-y += guest-kit/arch/x86/head.o guest-kit/arch/x86/hypercall-page.o \
        guest-kit/arch/x86/entry.o
gk-y += guest-kit/arch/x86/upcall.o
gk-y += guest-kit/arch/x86/switch.o
gk-y += guest-kit/arch/x86/user-entry.o
