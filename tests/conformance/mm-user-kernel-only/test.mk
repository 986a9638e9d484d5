# SPDX-License-Identifier: MIT
conformance-tests += mm-user-kernel-only
mm-user-kernel-only-objs := tests/conformance/mm-user-kernel-only/main.o
mm-user-kernel-only-category := functional
mm-user-kernel-only-purpose := separate user L4: a page only in the kernel L4 faults in user mode, one only in the user L4 faults in kernel mode
