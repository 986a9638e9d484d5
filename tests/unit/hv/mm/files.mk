# SPDX-License-Identifier: MIT
unit-tests += tests/unit/hv/mm/test-page-type
tests/unit/hv/mm/test-page-type-srcs := hv/mm/page-type.c
tests/unit/hv/mm/test-page-type-cflags := -Ihv -Ihv/include
