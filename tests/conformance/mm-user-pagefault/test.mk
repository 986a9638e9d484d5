# SPDX-License-Identifier: MIT
conformance-tests += mm-user-pagefault
mm-user-pagefault-objs := tests/conformance/mm-user-pagefault/main.o
mm-user-pagefault-category := functional
mm-user-pagefault-purpose := user-mode #PF bounces on the kernel stack with the U bit, cr2 in vcpu_info and CS 0xE033 (user context)
