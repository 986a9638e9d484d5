# SPDX-License-Identifier: MIT
unit-tests += tests/unit/hv/domain/test-pv-elf
tests/unit/hv/domain/test-pv-elf-srcs := hv/domain/pv-elf.c
