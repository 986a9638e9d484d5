# SPDX-License-Identifier: MIT
unit-tests += tests/unit/hv/grant/test-grant-table
tests/unit/hv/grant/test-grant-table-srcs := hv/grant/grant-table.c
tests/unit/hv/grant/test-grant-table-cflags := -Ihv -Ihv/include
