# SPDX-License-Identifier: MIT
conformance-tests += mm-user-gs
mm-user-gs-objs := tests/conformance/mm-user-gs/main.o
mm-user-gs-category := functional
mm-user-gs-purpose := user mode runs with the user GS base, kernel mode with the kernel one (set_segment_base, wrmsr SHADOW_GS_BASE); FS is shared
