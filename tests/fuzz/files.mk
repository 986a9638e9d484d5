# SPDX-License-Identifier: MIT
fuzz-targets += tests/fuzz/fuzz-pv-elf
tests/fuzz/fuzz-pv-elf-srcs := hv/domain/pv-elf.c
