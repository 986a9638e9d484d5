# SPDX-License-Identifier: MIT
conformance-tests += mm-gk-heap
mm-gk-heap-objs := tests/conformance/mm-gk-heap/main.o
mm-gk-heap-category := functional
mm-gk-heap-purpose := guest-kit's heap on hypervisor-mapped pages: sizes, alignment, calloc, realloc, and every page back after free
