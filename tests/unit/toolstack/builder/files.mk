# SPDX-License-Identifier: MIT
unit-tests += tests/unit/toolstack/builder/test-pv-build
tests/unit/toolstack/builder/test-pv-build-srcs := \
    toolstack/lib/builder/pv-build.c hv/domain/pv-elf.c hv/domain/dom0-layout.c
