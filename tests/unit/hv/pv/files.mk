# SPDX-License-Identifier: MIT
unit-tests += tests/unit/hv/pv/test-pte-write
tests/unit/hv/pv/test-pte-write-srcs := hv/pv/pte-write.c
tests/unit/hv/pv/test-pte-write-cflags := -Ihv -Ihv/include
