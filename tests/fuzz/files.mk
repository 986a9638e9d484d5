# SPDX-License-Identifier: MIT
fuzz-targets += tests/fuzz/fuzz-pv-elf
tests/fuzz/fuzz-pv-elf-srcs := hv/domain/pv-elf.c
fuzz-targets += tests/fuzz/fuzz-page-type
tests/fuzz/fuzz-page-type-srcs := hv/mm/page-type.c
tests/fuzz/fuzz-page-type-cflags := -Ihv -Ihv/include
fuzz-targets += tests/fuzz/fuzz-grant-table
tests/fuzz/fuzz-grant-table-srcs := hv/grant/grant-table.c
tests/fuzz/fuzz-grant-table-cflags := -Ihv -Ihv/include
